package io.factoryops.maintenance;

import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The work on a service ticket: who works it (its mechanics, the same rows as {@code /api/assignments}), their
 * labour hours and the parts fitted from stock and given back. Each change locks the ticket first
 * ({@link TicketAccess}), then, when parts move, their stock items.
 */
@ApplicationScoped
public class TicketWorkService {

    @Inject
    TicketAccess access;

    @Inject
    EventPublisher events;

    @Inject
    MechanicService mechanics;

    @Inject
    PartService parts;

    @Inject
    StockService stock;

    /**
     * A mechanic takes a ticket of the queue (nobody on it yet, open or in progress): they are its mechanic
     * from now on and it leaves the others' queues. One that another mechanic took first is gone from the
     * caller's view (404); taking one's own again is 409 ALREADY_EXISTS. The ticket's row is locked before
     * anything is read, so that of two mechanics taking it at once the second sees the first's assignment.
     */
    @Transactional
    public ServiceTicketResponse take(Caller caller, long id) {
        ServiceTicket ticket = access.locked(id);
        Long mechanic = access.mechanicViewer(caller);
        if (ticket == null || mechanic == null || !TicketAccess.visible(mechanic, ticket)) {
            throw ApiException.notFound("Service ticket", id);
        }
        ServiceTicketResponse taken = access.changes()
                .revise(
                        ticket,
                        AuditAction.TAKE,
                        TicketWorkService::auditedMechanics,
                        t -> t.assign(mechanic, caller.username(), "id"));
        events.publish(EventType.TICKET_ASSIGNED, taken.id(), taken);
        return taken;
    }

    /**
     * Adds and removes mechanics: each added one not yet on it (409), each removed one on it (409) and without
     * recorded labour (409 STILL_REFERENCED). Managers change a ticket's mechanics; a mechanic may only remove
     * themselves (403 otherwise).
     */
    @Transactional
    public ServiceTicketResponse editMechanics(Caller caller, long id, MechanicsEditRequest request) {
        ServiceTicket ticket = access.lock(caller, id);
        List<Long> add = request.addMechanicIds() == null ? List.of() : request.addMechanicIds();
        List<Long> remove = request.removeMechanicIds() == null ? List.of() : request.removeMechanicIds();
        ServiceTicketResponse edited = access.changes()
                .revise(ticket, AuditAction.EDIT_MECHANICS, TicketWorkService::auditedMechanics, t -> {
                    if (!add.isEmpty()) {
                        TicketAccess.requireManager(caller);
                    }
                    for (Long removed : remove) {
                        access.requireManagerOrSelf(caller, removed);
                    }
                    for (int i = 0; i < remove.size(); i++) {
                        String field = "remove_mechanic_ids[" + i + "]";
                        mechanics.require(remove.get(i), field);
                        t.unassign(remove.get(i), field);
                    }
                    for (int i = 0; i < add.size(); i++) {
                        String field = "add_mechanic_ids[" + i + "]";
                        TicketAccess.requireActive(mechanics.require(add.get(i), field), field);
                        t.assign(add.get(i), caller.username(), field);
                    }
                });
        if (!add.isEmpty()) {
            events.publish(EventType.TICKET_ASSIGNED, edited.id(), edited);
        }
        return edited;
    }

    /** Adds labour hours for a mechanic on the ticket; a mechanic records their own (403 for another's). */
    @Transactional
    public ServiceTicketResponse recordLabour(Caller caller, long id, LabourRequest request) {
        ServiceTicket ticket = access.lock(caller, id);
        Long mechanicId = request.mechanicId();
        if (caller.role() == Role.MECHANIC) {
            long own = access.mechanicViewer(caller);
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
        ticket.recordLabour(mechanic, request.hours(), "mechanic_id");
        return access.changes()
                .recorded(
                        ticket,
                        AuditAction.RECORD_LABOUR,
                        Map.of("mechanic_id", mechanic, "hours", before),
                        v -> Map.of("mechanic_id", mechanic, "hours", assignment.getHours()));
    }

    /**
     * Fits parts: takes them from stock through the ledger (409 INSUFFICIENT_STOCK otherwise) and keeps the
     * part's unit cost now on the line. 409 INVALID_TRANSITION once the ticket is completed or cancelled.
     */
    @Transactional
    public ServiceTicketResponse fitPart(Caller caller, long id, TicketPartRequest request) {
        ServiceTicket ticket = access.lock(caller, id);
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
                TicketAccess.reference(ticket),
                "line " + line.getLineNo());
        return access.changes()
                .recorded(
                        ticket,
                        AuditAction.FIT_PART,
                        null,
                        v -> v.parts().get(v.parts().size() - 1));
    }

    /** Gives a fitted line's parts back to stock (409 CONFLICT when it was returned already). */
    @Transactional
    public ServiceTicketResponse returnPart(Caller caller, long id, long lineId, Long expectedVersion) {
        ServiceTicket ticket = access.lock(caller, id);
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
                TicketAccess.reference(ticket),
                "line " + line.getLineNo());
        return access.changes()
                .recorded(
                        ticket,
                        AuditAction.RETURN_PART,
                        Map.of("line_id", lineId),
                        v -> Map.of("line_id", lineId, "quantity", line.getQuantity()));
    }

    /** What the audit log keeps of a change of the ticket's mechanics. */
    private static Object auditedMechanics(ServiceTicketResponse ticket) {
        return Map.of("mechanics", ticket.mechanics());
    }
}
