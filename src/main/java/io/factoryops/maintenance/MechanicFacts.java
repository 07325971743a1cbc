package io.factoryops.maintenance;

import io.factoryops.platform.db.SqlReads;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What maintenance tells the read models about its mechanics' work, in bulk: the work of each mechanic per day
 * (the analytics' {@code GET /api/mechanics/top}; {@link MechanicService#names} names them). What counts:
 * <ul>
 *   <li>a <em>ticket worked</em> is a completed service ticket, counted once for each mechanic on it when it
 *   was completed, on its completion day (UTC); open, in-progress and cancelled tickets count for nobody;</li>
 *   <li>its <em>labour hours</em> are that mechanic's hours on the ticket;</li>
 *   <li>its <em>parts fitted</em> are the units of the ticket's part lines that the mechanic fitted themselves
 *   (the line's {@code fitted_by} is their username) and that were not given back; lines a manager fitted
 *   count for no mechanic.</li>
 * </ul>
 * A completed ticket never changes again ({@link ServiceTicketCompleted} carries the same figures).
 */
public final class MechanicFacts {

    private MechanicFacts() {}

    /** A mechanic's work on one day. */
    public record MechanicDay(LocalDate day, long mechanicId, long tickets, BigDecimal hours, long parts) {}

    /**
     * Every (day, mechanic) with a completed ticket, in that order, from the completed tickets on the caller's
     * connection: two aggregate statements (the tickets with their hours, the parts fitted).
     */
    public static List<MechanicDay> workPerDay(Connection c) throws SQLException {
        record Key(LocalDate day, long mechanicId) {}
        Map<Key, MechanicDay> days = new HashMap<>();
        List<String> completed = List.of(TicketStatus.COMPLETED.name());
        for (MechanicDay d : SqlReads.list(
                c,
                "SELECT CAST(t.completed_at AS DATE), a.mechanic_id, COUNT(*), SUM(a.hours) FROM service_tickets t "
                        + "JOIN service_ticket_mechanics a ON a.ticket_id = t.id "
                        + "WHERE t.status = ? GROUP BY CAST(t.completed_at AS DATE), a.mechanic_id",
                completed,
                rs -> new MechanicDay(SqlReads.date(rs, 1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), 0))) {
            days.put(new Key(d.day(), d.mechanicId()), d);
        }
        // the lines each mechanic on a completed ticket fitted themselves and did not give back
        for (MechanicDay fitted : SqlReads.list(
                c,
                "SELECT CAST(t.completed_at AS DATE), a.mechanic_id, "
                        + "SUM(l.quantity) FROM service_tickets t JOIN service_ticket_mechanics a ON a.ticket_id = t.id "
                        + "JOIN mechanics m ON m.id = a.mechanic_id "
                        + "JOIN service_ticket_parts l ON l.ticket_id = t.id AND l.fitted_by = m.username "
                        + "WHERE t.status = ? AND l.returned_at IS NULL GROUP BY CAST(t.completed_at AS DATE), a.mechanic_id",
                completed,
                rs -> new MechanicDay(SqlReads.date(rs, 1), rs.getLong(2), 0, BigDecimal.ZERO, rs.getLong(3)))) {
            days.computeIfPresent(
                    new Key(fitted.day(), fitted.mechanicId()),
                    (k, d) -> new MechanicDay(d.day(), d.mechanicId(), d.tickets(), d.hours(), fitted.parts()));
        }
        return days.values().stream()
                .sorted(Comparator.comparing(MechanicDay::day).thenComparingLong(MechanicDay::mechanicId))
                .toList();
    }
}
