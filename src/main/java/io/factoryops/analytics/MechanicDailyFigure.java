package io.factoryops.analytics;

import io.factoryops.maintenance.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The work of each mechanic per day, {@code analytics_mechanic_daily}, from which {@code GET
 * /api/mechanics/top} ranks them over any period. What counts, and the same in both forms below:
 * <ul>
 *   <li>a <em>ticket worked</em> is a completed service ticket, counted once for each mechanic on it when it
 *   was completed, on its completion day (UTC); open, in-progress and cancelled tickets count for nobody;</li>
 *   <li>its <em>labour hours</em> are that mechanic's hours on the ticket;</li>
 *   <li>its <em>parts fitted</em> are the units of the ticket's part lines that the mechanic fitted themselves
 *   (the line's {@code fitted_by} is their username) and that were not given back; lines a manager fitted
 *   count for no mechanic.</li>
 * </ul>
 * A completed ticket never changes again, so its contribution is final when it completes: the
 * {@code MECHANIC_DAY} deltas written then (one per mechanic, {@link AnalyticsDeltaRecorder}) are all the
 * incremental form needs. Both forms run inside the analytics refresh's transaction
 * ({@link AnalyticsRefresher}), which consumes the deltas afterwards.
 */
@ApplicationScoped
class MechanicDailyFigure implements SummaryFigure {

    private static final int BATCH = 1000;

    /** One (day, mechanic) cell. */
    private record Key(LocalDate day, long mechanicId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : Long.compare(mechanicId, other.mechanicId);
        }
    }

    /** What a cell adds up (or, incrementally, adds). */
    private static final class Work {
        long tickets;
        BigDecimal hours = BigDecimal.ZERO;
        long parts;
    }

    /** Folds the mechanics' deltas up to {@code maxId} (the refresh's highest); returns the cells changed. */
    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        Map<Key, Work> cells = new TreeMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT delta_day, key_id, SUM(count_delta), SUM(amount), "
                + "SUM(quantity) FROM analytics_deltas WHERE kind = ? AND id <= ? GROUP BY delta_day, key_id")) {
            p.setString(1, AnalyticsDelta.Kind.MECHANIC_DAY.name());
            p.setLong(2, maxId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Work w =
                            cells.computeIfAbsent(new Key(rs.getDate(1).toLocalDate(), rs.getLong(2)), k -> new Work());
                    w.tickets += rs.getLong(3);
                    w.hours = w.hours.add(rs.getBigDecimal(4));
                    w.parts += rs.getLong(5);
                }
            }
        }
        if (cells.isEmpty()) {
            return 0;
        }
        List<Key> keys = new ArrayList<>(cells.keySet());
        List<Key> missing = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("UPDATE analytics_mechanic_daily SET tickets = tickets + ?, "
                + "hours = hours + ?, parts = parts + ?, computed_at = ? WHERE work_date = ? AND mechanic_id = ?")) {
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
                for (Key key : chunk) {
                    Work w = cells.get(key);
                    p.setLong(1, w.tickets);
                    p.setBigDecimal(2, w.hours);
                    p.setLong(3, w.parts);
                    p.setTimestamp(4, at);
                    p.setDate(5, Date.valueOf(key.day()));
                    p.setLong(6, key.mechanicId());
                    p.addBatch();
                }
                int[] counts = p.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        missing.add(chunk.get(i));
                    }
                }
            }
        }
        insert(c, missing, cells, at);
        return cells.size();
    }

    /** Recomputes every cell from the tickets; returns the cells written. */
    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM analytics_mechanic_daily");
        }
        Map<Key, Work> cells = new TreeMap<>();
        String completed = TicketStatus.COMPLETED.name();
        try (PreparedStatement p = c.prepareStatement("SELECT CAST(t.completed_at AS DATE), a.mechanic_id, COUNT(*), "
                + "SUM(a.hours) FROM service_tickets t JOIN service_ticket_mechanics a ON a.ticket_id = t.id "
                + "WHERE t.status = ? GROUP BY CAST(t.completed_at AS DATE), a.mechanic_id")) {
            p.setString(1, completed);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Work w =
                            cells.computeIfAbsent(new Key(rs.getDate(1).toLocalDate(), rs.getLong(2)), k -> new Work());
                    w.tickets = rs.getLong(3);
                    w.hours = rs.getBigDecimal(4);
                }
            }
        }
        // the lines each mechanic on a completed ticket fitted themselves and did not give back
        try (PreparedStatement p = c.prepareStatement(
                "SELECT CAST(t.completed_at AS DATE), a.mechanic_id, "
                        + "SUM(l.quantity) FROM service_tickets t JOIN service_ticket_mechanics a ON a.ticket_id = t.id "
                        + "JOIN mechanics m ON m.id = a.mechanic_id "
                        + "JOIN service_ticket_parts l ON l.ticket_id = t.id AND l.fitted_by = m.username "
                        + "WHERE t.status = ? AND l.returned_at IS NULL GROUP BY CAST(t.completed_at AS DATE), a.mechanic_id")) {
            p.setString(1, completed);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Work w = cells.get(new Key(rs.getDate(1).toLocalDate(), rs.getLong(2)));
                    if (w != null) {
                        w.parts = rs.getLong(3);
                    }
                }
            }
        }
        insert(c, new ArrayList<>(cells.keySet()), cells, at);
        return cells.size();
    }

    private static void insert(Connection c, List<Key> keys, Map<Key, Work> cells, Timestamp at) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO analytics_mechanic_daily (work_date, mechanic_id, "
                + "tickets, hours, parts, computed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Key key : keys) {
                Work w = cells.get(key);
                p.setDate(1, Date.valueOf(key.day()));
                p.setLong(2, key.mechanicId());
                p.setLong(3, w.tickets);
                p.setBigDecimal(4, w.hours);
                p.setLong(5, w.parts);
                p.setTimestamp(6, at);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }
}
