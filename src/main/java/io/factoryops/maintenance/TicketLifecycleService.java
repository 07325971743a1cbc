package io.factoryops.maintenance;

import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.notification.NotificationService;
import io.factoryops.notification.NotificationType;
import io.factoryops.notification.Reference;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The life of a service ticket: open → in progress → completed, or cancelled (its fitted parts back to stock).
 * Each change locks the ticket first ({@link TicketAccess#lock}), is audited as a change of status and heard by
 * the ticket's customer.
 */
@ApplicationScoped
public class TicketLifecycleService {

    @Inject
    TicketAccess access;

    @Inject
    EventPublisher events;

    @Inject
    MechanicService mechanics;

    @Inject
    AccountDirectory accounts;

    @Inject
    PartService parts;

    @Inject
    StockService stock;

    @Inject
    NotificationService notifications;

    /** The analytics read model counts each completed ticket for its mechanics (top mechanics). */
    @Inject
    Event<ServiceTicketCompleted> completed;

    @Transactional
    public ServiceTicketResponse start(Caller caller, long id) {
        return transition(caller, id, AuditAction.START, ServiceTicket::start);
    }

    @Transactional
    public ServiceTicketResponse complete(Caller caller, long id) {
        ServiceTicketResponse done = transition(caller, id, AuditAction.COMPLETE, ticket -> {
            ticket.complete();
            completed.fire(ServiceTicketCompleted.of(
                    ticket,
                    mechanics.usernames(ticket.getAssignments().stream()
                            .map(Assignment::getMechanicId)
                            .toList())));
        });
        events.publish(EventType.TICKET_COMPLETED, done.id(), done);
        return done;
    }

    /** Cancels the ticket and gives back every part still fitted on it, once. */
    @Transactional
    public ServiceTicketResponse cancel(Caller caller, long id) {
        return transition(caller, id, AuditAction.CANCEL, ticket -> {
            ticket.requireWorkable("cancel");
            List<TicketPart> fitted =
                    ticket.getParts().stream().filter(TicketPart::fitted).toList();
            Map<Long, PartSummary> summaries = parts.summaries(
                    fitted.stream().map(TicketPart::getPartId).distinct().toList(), "item_id");
            Map<Long, Integer> byItem = new TreeMap<>();
            fitted.forEach(
                    l -> byItem.merge(summaries.get(l.getPartId()).stockItemId(), l.getQuantity(), Integer::sum));
            StockService.Locked locked = stock.lock(byItem.keySet());
            ticket.cancel();
            byItem.forEach((item, n) -> stock.add(
                    locked, item, n, StockReason.SERVICE_TICKET_RETURNED, TicketAccess.reference(ticket), "cancelled"));
        });
    }

    private ServiceTicketResponse transition(
            Caller caller, long id, AuditAction action, Consumer<ServiceTicket> change) {
        ServiceTicket ticket = access.lock(caller, id);
        ServiceTicketResponse after = access.changes().transition(ticket, action, change);
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
}
