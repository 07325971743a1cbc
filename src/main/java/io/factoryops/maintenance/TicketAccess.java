package io.factoryops.maintenance;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.identity.Role;
import io.factoryops.inventory.PartService;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.audit.AuditedChanges;
import io.factoryops.platform.error.ApiException;
import io.factoryops.stock.StockReference;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;

/**
 * Who may see and change which service ticket, and the shape every change of one takes. Managers see and work
 * every ticket; a mechanic sees the tickets assigned to them and the queue (tickets nobody works yet), and works
 * only the tickets they have (any other is 404, as if it did not exist).
 * <p>
 * Every change locks the ticket's row first, before it reads anything else in its transaction (so that what it
 * reads afterwards, on MariaDB's repeatable read too, is what the previous holder of the lock committed), then,
 * when parts move, the stock items of those parts: the ledger's documented order (document row, then items).
 * Hence two cancels of one ticket run one after the other and the second finds it cancelled (409), and each part
 * line is given back exactly once. The change then ends as {@link #changes()} ends it: flushed, viewed, audited.
 */
@ApplicationScoped
class TicketAccess {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    MechanicService mechanics;

    @Inject
    PartService parts;

    @Inject
    AuditService audit;

    private AuditedChanges<ServiceTicket, ServiceTicketResponse> changes;

    @PostConstruct
    void declareChanges() {
        changes = new AuditedChanges<>(
                em, audit, "service_ticket", t -> t.getStatus().value(), this::view);
    }

    /** How a change of a locked ticket ends: flushed, viewed and audited as {@code service_ticket}. */
    AuditedChanges<ServiceTicket, ServiceTicketResponse> changes() {
        return changes;
    }

    /**
     * Locks the ticket's row (first thing in the transaction) and raises its version, so that a change of
     * its mechanics, hours or parts (rows of their own) changes its ETag too; then checks the caller may
     * see it and has it (a mechanic: 403 for one still in the queue).
     */
    ServiceTicket lock(Caller caller, long id) {
        ServiceTicket ticket = locked(id);
        Long viewer = mechanicViewer(caller);
        requireVisible(viewer, ticket, id);
        if (viewer != null && !ticket.isAssigned(viewer)) {
            throw ApiException.forbidden("Service ticket " + id + " is in the queue: take it first (POST "
                    + "/api/service-tickets/" + id + "/take)");
        }
        return ticket;
    }

    /** The ticket's row locked, its version raised; null when there is none (the caller's view is not checked). */
    ServiceTicket locked(long id) {
        return em.find(ServiceTicket.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    /** The ticket when the caller may see it; 404 otherwise. */
    ServiceTicket visible(Caller caller, long id) {
        ServiceTicket ticket = em.find(ServiceTicket.class, id);
        requireVisible(mechanicViewer(caller), ticket, id);
        return ticket;
    }

    private static void requireVisible(Long viewer, ServiceTicket ticket, long id) {
        if (ticket == null || !visible(viewer, ticket)) {
            throw ApiException.notFound("Service ticket", id);
        }
    }

    /** Whether a ticket is in the view of {@code viewer} ({@link #mechanicViewer}: null for staff). */
    static boolean visible(Long viewer, ServiceTicket ticket) {
        return viewer == null || viewer != 0 && (ticket.isAssigned(viewer) || ticket.isOpenToTake());
    }

    /**
     * For a mechanic's token, the mechanic it is (0 when the account is no mechanic's: it sees nothing);
     * null for staff, who see every ticket.
     */
    Long mechanicViewer(Caller caller) {
        if (caller.role() != Role.MECHANIC) {
            return null;
        }
        return mechanics.ofAccount(caller.id()).map(Mechanic::getId).orElse(0L);
    }

    /** Only managers (and the roles above) change who works a ticket. */
    static void requireManager(Caller caller) {
        if (!caller.has(Permission.SERVICE_TICKETS_ASSIGN)) {
            throw ApiException.forbidden("Only a manager adds mechanics to a ticket or removes another mechanic");
        }
    }

    /** A manager removes anyone from a ticket; a mechanic only themselves. */
    void requireManagerOrSelf(Caller caller, long mechanicId) {
        if (!caller.has(Permission.SERVICE_TICKETS_ASSIGN)
                && !Long.valueOf(mechanicId).equals(mechanicViewer(caller))) {
            throw ApiException.forbidden("A mechanic may remove only themselves from a ticket");
        }
    }

    static void requireActive(Mechanic mechanic, String field) {
        if (!mechanic.isActive()) {
            throw ApiException.invalidField(field, "mechanic " + mechanic.getId() + " is inactive");
        }
    }

    /** The ticket as staff see it, its mechanics' names and parts read in one query each. */
    ServiceTicketResponse view(ServiceTicket ticket) {
        Collection<Long> mechanicIds =
                ticket.getAssignments().stream().map(Assignment::getMechanicId).toList();
        return ServiceTicketResponse.of(
                ticket,
                mechanics.names(mechanicIds),
                parts.summaries(
                        ticket.getParts().stream()
                                .map(TicketPart::getPartId)
                                .distinct()
                                .toList(),
                        "item_id"));
    }

    static StockReference reference(ServiceTicket ticket) {
        return StockReference.serviceTicket(ticket.getId());
    }
}
