package io.factoryops.maintenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Fired (synchronously, inside the transaction) when a service ticket is completed: what each of its
 * mechanics did on it. A completed ticket never changes again (no mechanics, labour or parts after
 * completion, no cancel), so this is its whole and final contribution to the read models that observe it.
 *
 * @param work one entry per mechanic on the ticket at completion
 */
public record ServiceTicketCompleted(long ticketId, Instant completedAt, List<MechanicWork> work) {

    /**
     * A mechanic's part of the ticket: their labour hours on it and the units of the part lines they fitted
     * themselves (fitted_by is their username) that were not returned. Lines fitted by a manager count for
     * no mechanic.
     */
    public record MechanicWork(long mechanicId, BigDecimal hours, long partsFitted) {}

    static ServiceTicketCompleted of(ServiceTicket ticket, java.util.Map<Long, String> usernames) {
        List<MechanicWork> work = ticket.getAssignments().stream()
                .map(a -> {
                    String username = usernames.get(a.getMechanicId());
                    long parts = ticket.getParts().stream()
                            .filter(l -> l.fitted() && l.getFittedBy().equals(username))
                            .mapToLong(TicketPart::getQuantity)
                            .sum();
                    return new MechanicWork(a.getMechanicId(), a.getHours(), parts);
                })
                .toList();
        return new ServiceTicketCompleted(ticket.getId(), ticket.getCompletedAt(), work);
    }
}
