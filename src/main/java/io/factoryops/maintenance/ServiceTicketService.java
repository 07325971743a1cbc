package io.factoryops.maintenance;

import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.platform.Dates;
import io.factoryops.platform.Decimals;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.sales.CustomerService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Service tickets: the lists (staff's and a customer's own), one ticket, a new one and its details, and the
 * assignments of mechanics to them (one table, the ticket's mechanics). Who sees which ticket and how a change
 * locks it is {@link TicketAccess}'s; its life is {@link TicketLifecycleService}'s, the work on it (mechanics,
 * hours, parts) {@link TicketWorkService}'s.
 */
@ApplicationScoped
public class ServiceTicketService {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "service_date", "status", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();
    private static final Map<String, String> ASSIGNMENT_SORT_ATTRIBUTES =
            SortFields.attributes("id", "assigned_at", "hours");
    public static final Set<String> ASSIGNMENT_SORTABLE = ASSIGNMENT_SORT_ATTRIBUTES.keySet();

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    EventPublisher events;

    @Inject
    MechanicService mechanics;

    @Inject
    CustomerService customers;

    @Inject
    AccountDirectory accounts;

    @Inject
    PartService parts;

    @Inject
    AuditService audit;

    @Inject
    @ConfigProperty(name = "factory.tax-rate", defaultValue = "0.09")
    BigDecimal taxRate;

    @Inject
    @ConfigProperty(name = "factory.labour-rate", defaultValue = "60.00")
    BigDecimal labourRate;

    @PostConstruct
    void checkRates() {
        Decimals.requireTaxRate(taxRate);
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
        return access.view(access.visible(caller, id));
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
        ticket.describe(described(
                request, request.serviceDate() == null ? LocalDate.now(ZoneOffset.UTC) : request.serviceDate()));
        em.persist(ticket);
        ServiceTicketResponse opened = access.changes().recorded(ticket, AuditAction.CREATE, null, Function.identity());
        events.publish(EventType.TICKET_OPENED, opened.id(), opened);
        return opened;
    }

    /**
     * Replaces the ticket's details (If-Match checked after the row lock): 409 INVALID_TRANSITION once completed
     * or cancelled. The customer, the mechanics, the labour and the parts do not change here.
     */
    @Transactional
    public ServiceTicketResponse revise(
            Caller caller, long id, Long expectedVersion, ServiceTicketUpdateRequest request) {
        ServiceTicket ticket = access.lock(caller, id);
        Versions.check(ticket, expectedVersion, "Service ticket");
        return access.changes()
                .revise(
                        ticket,
                        AuditAction.UPDATE,
                        ServiceTicketService::details,
                        t -> t.revise(described(request, request.serviceDate())));
    }

    /** The details a create or a replace states, cleaned: the VIN in capitals, a blank text as none. */
    private static ServiceTicket.Details described(TicketDetailsRequest request, LocalDate serviceDate) {
        return new ServiceTicket.Details(
                request.vin() == null ? null : request.vin().toUpperCase(Locale.ROOT),
                Text.trimToNull(request.serial()),
                Text.trimToNull(request.make()),
                Text.trimToNull(request.model()),
                request.year(),
                request.description().trim(),
                TicketPriority.of(request.priority()),
                serviceDate);
    }

    /** The fields {@link #revise} changes, as the audit log keeps them. */
    private static Object details(ServiceTicketResponse t) {
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
        TicketAccess.requireManager(caller);
        ServiceTicket ticket = access.locked(request.ticketId());
        if (ticket == null || !TicketAccess.visible(mechanicViewer(caller), ticket)) {
            throw ApiException.notFoundField("ticket_id", "Service ticket", request.ticketId());
        }
        TicketAccess.requireActive(mechanics.require(request.mechanicId(), "mechanic_id"), "mechanic_id");
        Assignment assignment = ticket.assign(request.mechanicId(), caller.username(), "mechanic_id");
        em.flush();
        AssignmentResponse created = AssignmentResponse.of(
                assignment, mechanics.names(List.of(request.mechanicId())).get(request.mechanicId()));
        audit.record(AuditAction.CREATE, "assignment", assignment.getId(), null, created);
        events.publish(
                EventType.TICKET_ASSIGNED, ticket.getId(), access.changes().view(ticket));
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
        ServiceTicket ticket = access.locked(ticketIds.get(0));
        if (ticket == null || !TicketAccess.visible(mechanicViewer(caller), ticket)) {
            throw ApiException.notFound("Assignment", assignmentId);
        }
        Assignment assignment = ticket.getAssignments().stream()
                .filter(a -> a.getId() == assignmentId)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Assignment", assignmentId));
        access.requireManagerOrSelf(caller, assignment.getMechanicId());
        AssignmentResponse before = AssignmentResponse.of(
                assignment, mechanics.names(List.of(assignment.getMechanicId())).get(assignment.getMechanicId()));
        ticket.unassign(assignment.getMechanicId(), "id");
        em.flush();
        audit.record(AuditAction.DELETE, "assignment", assignmentId, before, null);
    }

    /** For a mechanic's token, the mechanic it is (0: none); null for staff ({@link TicketAccess#mechanicViewer}). */
    private Long mechanicViewer(Caller caller) {
        return access.mechanicViewer(caller);
    }
}
