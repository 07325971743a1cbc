package io.factoryops.maintenance;

import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.notification.NotificationService;
import io.factoryops.notification.NotificationType;
import io.factoryops.notification.Reference;
import io.factoryops.platform.Dates;
import io.factoryops.platform.Decimals;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.sales.CustomerService;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReference;
import io.factoryops.stock.StockService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Service tickets and the assignments of mechanics to them (one table, the ticket's mechanics). Managers
 * see and work every ticket; a mechanic sees and works only the tickets they are assigned to (any other is
 * 404, as if it did not exist).
 * <p>
 * Every change locks the ticket's row first, before it reads anything else in its transaction (so that
 * what it reads afterwards, on MariaDB's repeatable read too, is what the previous holder of the lock
 * committed), then, when parts move, the stock items of those parts: the ledger's documented order
 * (document row, then items). Hence two cancels of one ticket run one after the other and the second
 * finds it cancelled (409), and each part line is given back exactly once.
 */
@ApplicationScoped
public class ServiceTicketService {

    public static final Set<String> SORTABLE = Set.of("id", "service_date", "status", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES =
            Map.of("id", "id", "service_date", "serviceDate", "status", "status", "created_at", "createdAt");
    public static final Set<String> ASSIGNMENT_SORTABLE = Set.of("id", "assigned_at", "hours");
    private static final Map<String, String> ASSIGNMENT_SORT_ATTRIBUTES =
            Map.of("id", "id", "assigned_at", "assignedAt", "hours", "hours");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    MechanicService mechanics;

    @Inject
    CustomerService customers;

    @Inject
    AccountDirectory accounts;

    @Inject
    PartService parts;

    @Inject
    StockService stock;

    @Inject
    AuditService audit;

    @Inject
    NotificationService notifications;

    /** The analytics read model counts each completed ticket for its mechanics (top mechanics). */
    @Inject
    Event<ServiceTicketCompleted> completed;

    @Inject
    @ConfigProperty(name = "factory.tax-rate", defaultValue = "0.09")
    BigDecimal taxRate;

    @Inject
    @ConfigProperty(name = "factory.labour-rate", defaultValue = "60.00")
    BigDecimal labourRate;

    @PostConstruct
    void checkRates() {
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0 || taxRate.scale() > 4) {
            throw new IllegalStateException("factory.tax-rate must be a fraction in [0, 1) with at most 4 decimals, "
                    + "e.g. 0.09; it is " + taxRate);
        }
        if (!Decimals.inRange(labourRate.stripTrailingZeros(), BigDecimal.ZERO, new BigDecimal("99999999.99"), 2)) {
            throw new IllegalStateException("factory.labour-rate must be an amount per hour from 0 to 99999999.99 "
                    + "with at most 2 decimals, e.g. 60.00; it is " + labourRate);
        }
    }

    private static final List<TicketStatus> WORKABLE =
            Arrays.stream(TicketStatus.values()).filter(TicketStatus::workable).toList();

    /** Filters of the ticket list besides {@code q} (description, VIN, serial, make, model). */
    public record Filter(TicketStatus status, Long customerId, Long mechanicId, LocalDate dateFrom, LocalDate dateTo) {}

    @Transactional
    public Page<ServiceTicketResponse> list(Caller caller, PageRequest page, Filter filter) {
        Page<ServiceTicket> found = find(caller, page, filter);
        Map<Long, String> names = mechanicNames(found.data());
        Map<Long, PartSummary> summaries = partSummaries(found.data());
        return found.map(t -> ServiceTicketResponse.of(t, names, summaries));
    }

    /** A page of tickets the caller may see, with their mechanics and parts fetched in two queries. */
    private Page<ServiceTicket> find(Caller caller, PageRequest page, Filter filter) {
        Long viewer = mechanicViewer(caller);
        Page<ServiceTicket> found = JpaPaging.find(em, ServiceTicket.class, page, SORT_ATTRIBUTES, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (viewer != null && viewer == 0) {
                where.add(cb.disjunction()); // a mechanic account that is no mechanic sees no ticket
            } else if (viewer != null) { // assigned to the mechanic, or in the queue: nobody's yet, still workable
                Join<ServiceTicket, Assignment> assigned = root.join("assignments", JoinType.LEFT);
                where.add(cb.or(
                        cb.equal(assigned.get("mechanicId"), viewer),
                        cb.and(cb.isNull(assigned.get("id")), root.get("status").in(WORKABLE))));
            }
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "description", "vin", "serial", "make", "model"));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.customerId() != null) {
                where.add(cb.equal(root.get("customerId"), filter.customerId()));
            }
            if (filter.mechanicId() != null) {
                where.add(cb.equal(root.join("assignments").get("mechanicId"), filter.mechanicId()));
            }
            if (filter.dateFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("serviceDate"), filter.dateFrom()));
            }
            if (filter.dateTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("serviceDate"), filter.dateTo()));
            }
            return where;
        });
        // the page's mechanics and parts load in one query each (@BatchFetch on ServiceTicket), not two per ticket
        return found;
    }

    private Map<Long, String> mechanicNames(List<ServiceTicket> tickets) {
        return mechanics.names(tickets.stream()
                .flatMap(t -> t.getAssignments().stream())
                .map(Assignment::getMechanicId)
                .distinct()
                .toList());
    }

    private Map<Long, PartSummary> partSummaries(List<ServiceTicket> tickets) {
        return parts.summaries(
                tickets.stream()
                        .flatMap(t -> t.getParts().stream())
                        .map(TicketPart::getPartId)
                        .distinct()
                        .toList(),
                "item_id");
    }

    /**
     * The caller's own tickets (a customer's token; an account linked to no customer has none), in the
     * customers' view: no staff login names, no internal ids or unit costs.
     */
    @Transactional
    public Page<CustomerTicketResponse> myTickets(Caller caller, PageRequest page, TicketStatus status) {
        long customerId = accounts.customerOf(caller.id()).orElse(0L);
        Page<ServiceTicket> found = find(caller, page, new Filter(status, customerId, null, null, null));
        Map<Long, String> names = mechanicNames(found.data());
        Map<Long, PartSummary> summaries = partSummaries(found.data());
        return found.map(t -> CustomerTicketResponse.of(t, names, summaries));
    }

    /**
     * One of the caller's own tickets in the customers' view; 404 for a ticket of another customer, as for
     * one that does not exist (nothing tells a customer that a ticket number is taken).
     */
    @Transactional
    public CustomerTicketResponse myTicket(Caller caller, long id) {
        long customerId = accounts.customerOf(caller.id()).orElse(0L);
        ServiceTicket ticket = em.find(ServiceTicket.class, id);
        if (ticket == null || ticket.getCustomerId() != customerId) {
            throw ApiException.notFound("Service ticket", id);
        }
        List<ServiceTicket> one = List.of(ticket);
        return CustomerTicketResponse.of(ticket, mechanicNames(one), partSummaries(one));
    }

    @Transactional
    public ServiceTicketResponse get(Caller caller, long id) {
        ServiceTicket ticket = em.find(ServiceTicket.class, id);
        requireVisible(mechanicViewer(caller), ticket, id);
        return view(ticket);
    }

    /**
     * A new open ticket, with today's rates: staff name an existing customer (404 naming customer_id
     * otherwise); a customer opens one for themselves (customer_id, when given, must be their own: 404
     * otherwise, as for any record of another customer).
     */
    @Transactional
    public ServiceTicketResponse create(Caller caller, ServiceTicketRequest request) {
        long customerId;
        if (caller.role() == Role.CUSTOMER) {
            Long own = accounts.customerOf(caller.id())
                    .orElseThrow(() -> ApiException.forbidden("This account is linked to no customer record"));
            if (request.customerId() != null && !request.customerId().equals(own)) {
                throw ApiException.notFoundField("customer_id", "Customer", request.customerId());
            }
            customerId = own;
        } else {
            if (request.customerId() == null) {
                throw ApiException.invalidField("customer_id", "is required");
            }
            customerId = request.customerId();
            if (!customers.exists(customerId)) {
                throw ApiException.notFoundField("customer_id", "Customer", customerId);
            }
        }
        ServiceTicket ticket = new ServiceTicket(customerId, labourRate, taxRate, caller.username());
        ticket.describe(
                request.vin() == null ? null : request.vin().toUpperCase(Locale.ROOT),
                Text.trimToNull(request.serial()),
                Text.trimToNull(request.make()),
                Text.trimToNull(request.model()),
                request.year(),
                request.description().trim(),
                TicketPriority.of(request.priority()),
                request.serviceDate() == null ? LocalDate.now(ZoneOffset.UTC) : request.serviceDate());
        em.persist(ticket);
        em.flush();
        ServiceTicketResponse created = view(ticket);
        audit.record(AuditAction.CREATE, "service_ticket", ticket.getId(), null, created);
        return created;
    }

    /**
     * Replaces the ticket's details (If-Match checked after the row lock): 409 INVALID_TRANSITION once completed
     * or cancelled. The customer, the mechanics, the labour and the parts do not change here.
     */
    @Transactional
    public ServiceTicketResponse revise(
            Caller caller, long id, Long expectedVersion, ServiceTicketUpdateRequest request) {
        ServiceTicket ticket = lock(caller, id);
        Versions.check(ticket, expectedVersion, "Service ticket");
        ServiceTicketResponse before = view(ticket);
        ticket.revise(
                request.vin() == null ? null : request.vin().toUpperCase(Locale.ROOT),
                Text.trimToNull(request.serial()),
                Text.trimToNull(request.make()),
                Text.trimToNull(request.model()),
                request.year(),
                request.description().trim(),
                TicketPriority.of(request.priority()),
                request.serviceDate());
        em.flush();
        ServiceTicketResponse after = view(ticket);
        audit.record(AuditAction.UPDATE, "service_ticket", id, details(before), details(after));
        return after;
    }

    /** The fields {@link #revise} changes, as the audit log keeps them. */
    private static Map<String, Object> details(ServiceTicketResponse t) {
        Map<String, Object> details = new TreeMap<>();
        details.put("description", t.description());
        details.put("priority", t.priority());
        details.put("service_date", t.serviceDate().toString());
        details.put("vin", t.vin());
        details.put("serial", t.serial());
        details.put("make", t.make());
        details.put("model", t.model());
        details.put("year", t.year());
        return details;
    }

    @Transactional
    public ServiceTicketResponse start(Caller caller, long id) {
        ServiceTicket ticket = lock(caller, id);
        String before = ticket.getStatus().value();
        ticket.start();
        return changed(ticket, AuditAction.START, before);
    }

    @Transactional
    public ServiceTicketResponse complete(Caller caller, long id) {
        ServiceTicket ticket = lock(caller, id);
        String before = ticket.getStatus().value();
        ticket.complete();
        completed.fire(ServiceTicketCompleted.of(
                ticket,
                mechanics.usernames(ticket.getAssignments().stream()
                        .map(Assignment::getMechanicId)
                        .toList())));
        return changed(ticket, AuditAction.COMPLETE, before);
    }

    /** Cancels the ticket and gives back every part still fitted on it, once. */
    @Transactional
    public ServiceTicketResponse cancel(Caller caller, long id) {
        ServiceTicket ticket = lock(caller, id);
        String before = ticket.getStatus().value();
        ticket.requireWorkable("cancel");
        List<TicketPart> fitted =
                ticket.getParts().stream().filter(TicketPart::fitted).toList();
        Map<Long, PartSummary> summaries = parts.summaries(
                fitted.stream().map(TicketPart::getPartId).distinct().toList(), "item_id");
        Map<Long, Integer> byItem = new TreeMap<>();
        fitted.forEach(l -> byItem.merge(summaries.get(l.getPartId()).stockItemId(), l.getQuantity(), Integer::sum));
        StockService.Locked locked = stock.lock(byItem.keySet());
        ticket.cancel();
        byItem.forEach((item, n) ->
                stock.add(locked, item, n, StockReason.SERVICE_TICKET_RETURNED, reference(ticket), "cancelled"));
        return changed(ticket, AuditAction.CANCEL, before);
    }

    /**
     * Adds and removes mechanics: each added one not yet on it (409), each removed one on it (409) and without
     * recorded labour (409 STILL_REFERENCED). Managers change a ticket's mechanics; a mechanic may only remove
     * themselves (403 otherwise).
     */
    @Transactional
    public ServiceTicketResponse editMechanics(Caller caller, long id, MechanicsEditRequest request) {
        ServiceTicket ticket = lock(caller, id);
        ServiceTicketResponse before = view(ticket);
        List<Long> add = request.addMechanicIds() == null ? List.of() : request.addMechanicIds();
        List<Long> remove = request.removeMechanicIds() == null ? List.of() : request.removeMechanicIds();
        if (!add.isEmpty()) {
            requireManager(caller);
        }
        for (Long removed : remove) {
            requireManagerOrSelf(caller, removed);
        }
        for (int i = 0; i < remove.size(); i++) {
            String field = "remove_mechanic_ids[" + i + "]";
            mechanics.require(remove.get(i), field);
            ticket.unassign(remove.get(i), field);
        }
        for (int i = 0; i < add.size(); i++) {
            String field = "add_mechanic_ids[" + i + "]";
            requireActive(mechanics.require(add.get(i), field), field);
            ticket.assign(add.get(i), caller.username(), field);
        }
        em.flush();
        ServiceTicketResponse after = view(ticket);
        audit.record(
                AuditAction.EDIT_MECHANICS,
                "service_ticket",
                id,
                Map.of("mechanics", before.mechanics()),
                Map.of("mechanics", after.mechanics()));
        return after;
    }

    /**
     * A mechanic takes a ticket of the queue (nobody on it yet, open or in progress): they are its mechanic
     * from now on and it leaves the others' queues. One that another mechanic took first is gone from the
     * caller's view (404); taking one's own again is 409 ALREADY_EXISTS. The ticket's row is locked before
     * anything is read, so that of two mechanics taking it at once the second sees the first's assignment.
     */
    @Transactional
    public ServiceTicketResponse take(Caller caller, long id) {
        ServiceTicket ticket = em.find(ServiceTicket.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Long mechanic = mechanicViewer(caller);
        if (ticket == null || mechanic == null || !visible(mechanic, ticket)) {
            throw ApiException.notFound("Service ticket", id);
        }
        ServiceTicketResponse before = view(ticket);
        ticket.assign(mechanic, caller.username(), "id");
        em.flush();
        ServiceTicketResponse after = view(ticket);
        audit.record(
                AuditAction.TAKE,
                "service_ticket",
                id,
                Map.of("mechanics", before.mechanics()),
                Map.of("mechanics", after.mechanics()));
        return after;
    }

    /** Adds labour hours for a mechanic on the ticket; a mechanic records their own (403 for another's). */
    @Transactional
    public ServiceTicketResponse recordLabour(Caller caller, long id, LabourRequest request) {
        ServiceTicket ticket = lock(caller, id);
        Long mechanicId = request.mechanicId();
        if (caller.role() == Role.MECHANIC) {
            long own = mechanicViewer(caller);
            if (mechanicId != null && mechanicId != own) {
                throw ApiException.forbidden("A mechanic records their own hours only");
            }
            mechanicId = own;
        } else if (mechanicId == null) {
            throw ApiException.invalidField("mechanic_id", "is required");
        }
        long mechanic = mechanicId;
        mechanics.require(mechanic, "mechanic_id");
        ticket.requireWorkable("record labour");
        Assignment assignment = ticket.assignment(mechanic)
                .orElseThrow(() -> AssignmentException.notAssigned("mechanic_id", id, mechanic));
        if (assignment.getHours().add(request.hours()).compareTo(Assignment.MAX_HOURS) > 0) {
            throw ApiException.invalidField(
                    "hours", "a mechanic's hours on one ticket stay below " + Assignment.MAX_HOURS.toPlainString());
        }
        BigDecimal before = assignment.getHours();
        ticket.recordLabour(mechanicId, request.hours(), "mechanic_id");
        em.flush();
        ServiceTicketResponse after = view(ticket);
        audit.record(
                AuditAction.RECORD_LABOUR,
                "service_ticket",
                id,
                Map.of("mechanic_id", mechanicId, "hours", before),
                Map.of("mechanic_id", mechanicId, "hours", assignment.getHours()));
        return after;
    }

    /**
     * Fits parts: takes them from stock through the ledger (409 INSUFFICIENT_STOCK otherwise) and keeps the
     * part's unit cost now on the line. 409 INVALID_TRANSITION once the ticket is completed or cancelled.
     */
    @Transactional
    public ServiceTicketResponse fitPart(Caller caller, long id, TicketPartRequest request) {
        ServiceTicket ticket = lock(caller, id);
        ticket.requireWorkable("fit parts");
        PartSummary part = parts.summaries(List.of(request.itemId()), "item_id").get(request.itemId());
        if (!part.active()) {
            throw ApiException.invalidField("item_id", "part " + request.itemId() + " is inactive");
        }
        StockService.Locked locked = stock.lock(List.of(part.stockItemId()));
        TicketPart line = ticket.fit(part.id(), request.quantity(), part.unitCost(), caller.username());
        stock.take(
                locked,
                part.stockItemId(),
                request.quantity(),
                StockReason.SERVICE_TICKET,
                reference(ticket),
                "line " + line.getLineNo());
        em.flush();
        ServiceTicketResponse after = view(ticket);
        audit.record(
                AuditAction.FIT_PART,
                "service_ticket",
                id,
                null,
                after.parts().get(after.parts().size() - 1));
        return after;
    }

    /** Gives a fitted line's parts back to stock (409 CONFLICT when it was returned already). */
    @Transactional
    public ServiceTicketResponse returnPart(Caller caller, long id, long lineId, Long expectedVersion) {
        ServiceTicket ticket = lock(caller, id);
        Versions.check(ticket, expectedVersion, "Service ticket");
        ticket.requireWorkable("return parts");
        TicketPart line = ticket.getParts().stream()
                .filter(l -> l.getId() == lineId)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Part line of service ticket " + id, lineId));
        if (!line.fitted()) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "Line " + lineId + " of service ticket " + id + " was returned already");
        }
        long item = parts.summaries(List.of(line.getPartId()), "item_id")
                .get(line.getPartId())
                .stockItemId();
        StockService.Locked locked = stock.lock(List.of(item));
        ticket.returnLine(lineId);
        stock.add(
                locked,
                item,
                line.getQuantity(),
                StockReason.SERVICE_TICKET_RETURNED,
                reference(ticket),
                "line " + line.getLineNo());
        em.flush();
        ServiceTicketResponse after = view(ticket);
        audit.record(
                AuditAction.RETURN_PART,
                "service_ticket",
                id,
                Map.of("line_id", lineId),
                Map.of("line_id", lineId, "quantity", line.getQuantity()));
        return after;
    }

    /** Tickets open or in progress now (an index range over the open ones only). */
    @Transactional
    public long openCount() {
        return em.createQuery("SELECT COUNT(t) FROM ServiceTicket t WHERE t.status IN :open", Long.class)
                .setParameter("open", List.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS))
                .getSingleResult();
    }

    /** Tickets completed on this UTC day (an index range over completed_at). */
    @Transactional
    public long completedOn(LocalDate day) {
        return em.createQuery(
                        "SELECT COUNT(t) FROM ServiceTicket t WHERE t.completedAt >= :from "
                                + "AND t.completedAt <= :to",
                        Long.class)
                .setParameter("from", Dates.startOf(day))
                .setParameter("to", Dates.endOf(day))
                .getSingleResult();
    }

    // ---- assignments: the same rows as the tickets' mechanics

    /**
     * Assignments, filtered by ticket and mechanic. A mechanic sees their own rows only (the other
     * mechanics of their tickets are on the tickets themselves).
     */
    @Transactional
    public Page<AssignmentResponse> assignments(Caller caller, PageRequest page, Long ticketId, Long mechanicId) {
        Long viewer = mechanicViewer(caller);
        Page<Assignment> found = JpaPaging.find(em, Assignment.class, page, ASSIGNMENT_SORT_ATTRIBUTES, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (viewer != null) {
                where.add(cb.equal(root.get("mechanicId"), viewer));
            }
            if (ticketId != null) {
                where.add(cb.equal(root.get("ticket").get("id"), ticketId));
            }
            if (mechanicId != null) {
                where.add(cb.equal(root.get("mechanicId"), mechanicId));
            }
            return where;
        });
        Map<Long, String> names = mechanics.names(
                found.data().stream().map(Assignment::getMechanicId).distinct().toList());
        return found.map(a -> AssignmentResponse.of(a, names.get(a.getMechanicId())));
    }

    /** Managers only (403 for a mechanic, whatever the ticket). */
    @Transactional
    public AssignmentResponse assign(Caller caller, AssignmentRequest request) {
        requireManager(caller);
        ServiceTicket ticket =
                em.find(ServiceTicket.class, request.ticketId(), LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (ticket == null || !visible(mechanicViewer(caller), ticket)) {
            throw ApiException.notFoundField("ticket_id", "Service ticket", request.ticketId());
        }
        requireActive(mechanics.require(request.mechanicId(), "mechanic_id"), "mechanic_id");
        Assignment assignment = ticket.assign(request.mechanicId(), caller.username(), "mechanic_id");
        em.flush();
        AssignmentResponse created = AssignmentResponse.of(
                assignment, mechanics.names(List.of(request.mechanicId())).get(request.mechanicId()));
        audit.record(AuditAction.CREATE, "assignment", assignment.getId(), null, created);
        return created;
    }

    /**
     * Removes an assignment: a manager any, a mechanic only their own (403 otherwise); never one with recorded
     * labour (409 STILL_REFERENCED).
     */
    @Transactional
    public void unassign(Caller caller, long assignmentId) {
        List<Long> ticketIds = em.createQuery("SELECT a.ticket.id FROM Assignment a WHERE a.id = :id", Long.class)
                .setParameter("id", assignmentId)
                .getResultList();
        if (ticketIds.isEmpty()) {
            throw ApiException.notFound("Assignment", assignmentId);
        }
        ServiceTicket ticket = em.find(ServiceTicket.class, ticketIds.get(0), LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (ticket == null || !visible(mechanicViewer(caller), ticket)) {
            throw ApiException.notFound("Assignment", assignmentId);
        }
        Assignment assignment = ticket.getAssignments().stream()
                .filter(a -> a.getId() == assignmentId)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Assignment", assignmentId));
        requireManagerOrSelf(caller, assignment.getMechanicId());
        AssignmentResponse before = AssignmentResponse.of(
                assignment, mechanics.names(List.of(assignment.getMechanicId())).get(assignment.getMechanicId()));
        ticket.unassign(assignment.getMechanicId(), "id");
        em.flush();
        audit.record(AuditAction.DELETE, "assignment", assignmentId, before, null);
    }

    // ---- helpers

    /**
     * Locks the ticket's row (first thing in the transaction) and raises its version, so that a change of
     * its mechanics, hours or parts (rows of their own) changes its ETag too; then checks the caller may
     * see it.
     */
    private ServiceTicket lock(Caller caller, long id) {
        ServiceTicket ticket = em.find(ServiceTicket.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Long viewer = mechanicViewer(caller);
        requireVisible(viewer, ticket, id);
        if (viewer != null && !ticket.isAssigned(viewer)) {
            throw ApiException.forbidden("Service ticket " + id + " is in the queue: take it first (POST "
                    + "/api/service-tickets/" + id + "/take)");
        }
        return ticket;
    }

    private static void requireVisible(Long viewer, ServiceTicket ticket, long id) {
        if (ticket == null || !visible(viewer, ticket)) {
            throw ApiException.notFound("Service ticket", id);
        }
    }

    /** Whether a ticket is in the view of {@code viewer} ({@link #mechanicViewer}: null for staff). */
    private static boolean visible(Long viewer, ServiceTicket ticket) {
        return viewer == null || viewer != 0 && (ticket.isAssigned(viewer) || ticket.isOpenToTake());
    }

    /**
     * For a mechanic's token, the mechanic it is (0 when the account is no mechanic's: it sees nothing);
     * null for staff, who see every ticket.
     */
    private Long mechanicViewer(Caller caller) {
        if (caller.role() != Role.MECHANIC) {
            return null;
        }
        return mechanics.ofAccount(caller.id()).map(Mechanic::getId).orElse(0L);
    }

    /** Only managers (and the roles above) change who works a ticket. */
    private static void requireManager(Caller caller) {
        if (!caller.role().includes().contains(Role.MANAGER)) {
            throw ApiException.forbidden("Only a manager adds mechanics to a ticket or removes another mechanic");
        }
    }

    /** A manager removes anyone from a ticket; a mechanic only themselves. */
    private void requireManagerOrSelf(Caller caller, long mechanicId) {
        if (!caller.role().includes().contains(Role.MANAGER)
                && !Long.valueOf(mechanicId).equals(mechanicViewer(caller))) {
            throw ApiException.forbidden("A mechanic may remove only themselves from a ticket");
        }
    }

    private static void requireActive(Mechanic mechanic, String field) {
        if (!mechanic.isActive()) {
            throw ApiException.invalidField(field, "mechanic " + mechanic.getId() + " is inactive");
        }
    }

    private ServiceTicketResponse changed(ServiceTicket ticket, AuditAction action, String before) {
        em.flush();
        ServiceTicketResponse after = view(ticket);
        audit.record(
                action, "service_ticket", ticket.getId(), Map.of("status", before), Map.of("status", after.status()));
        tellCustomer(ticket.getStatus(), after);
        return after;
    }

    /** The customer's accounts hear of every change of state, in the same transaction (and by mail when configured). */
    private void tellCustomer(TicketStatus status, ServiceTicketResponse t) {
        String asset = Stream.of(t.make(), t.model()).filter(Objects::nonNull).collect(Collectors.joining(" "));
        String name = "Service ticket #" + t.id() + (asset.isEmpty() ? "" : " (" + asset + ")");
        String message = switch (status) {
            case IN_PROGRESS -> "Work has started on " + name + ".";
            case COMPLETED -> name + " is completed. Total " + t.total().toPlainString() + ".";
            case CANCELLED -> name + " was cancelled.";
            case OPEN -> name + " is open.";
        };
        String title = name + ": " + t.status().replace('_', ' ');
        accounts.activeOfCustomer(t.customerId())
                .forEach(a -> notifications.notifyUser(
                        a.username(),
                        NotificationType.TICKET_STATUS_CHANGED,
                        title,
                        message,
                        Reference.serviceTicket(t.id())));
    }

    private ServiceTicketResponse view(ServiceTicket ticket) {
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

    private static StockReference reference(ServiceTicket ticket) {
        return StockReference.serviceTicket(ticket.getId());
    }
}
