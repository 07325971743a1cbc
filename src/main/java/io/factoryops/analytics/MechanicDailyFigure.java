package io.factoryops.analytics;

import io.factoryops.maintenance.MechanicFacts;
import io.factoryops.maintenance.MechanicFacts.MechanicDay;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The work of each mechanic per day, {@code analytics_mechanic_daily}, from which {@code GET
 * /api/mechanics/top} ranks them over any period. What counts is maintenance's to say ({@link MechanicFacts}:
 * tickets worked, labour hours, parts fitted), the same in both forms below. A completed ticket never changes
 * again, so its contribution is final when it completes: the {@code MECHANIC_DAY} deltas written then (one per
 * mechanic, {@link AnalyticsDeltaRecorder}) are all the incremental form needs; the full form is
 * {@link MechanicFacts#workPerDay}. Both forms run inside the analytics refresh's transaction
 * ({@link AnalyticsRefresher}), which consumes the deltas afterwards.
 */
@ApplicationScoped
class MechanicDailyFigure implements SummaryFigure {

    private static final String INSERT = "INSERT INTO analytics_mechanic_daily (work_date, mechanic_id, tickets, "
            + "hours, parts, computed_at) VALUES (?, ?, ?, ?, ?, ?)";

    /** One (day, mechanic) cell. */
    private record Key(LocalDate day, long mechanicId) {}

    /** Folds the mechanics' deltas up to {@code maxId} (the refresh's highest); returns the cells changed. */
    @Override
    public long apply(Connection c, long maxId, Timestamp at) throws SQLException {
        Map<Key, MechanicDay> cells =
                new TreeMap<>(Comparator.comparing(Key::day).thenComparingLong(Key::mechanicId));
        SummaryTables.readCells(
                c, maxId, AnalyticsDelta.Kind.MECHANIC_DAY, "SUM(count_delta), SUM(amount), SUM(quantity)", rs -> {
                    MechanicDay d = new MechanicDay(
                            rs.getDate(2).toLocalDate(),
                            rs.getLong(1),
                            rs.getLong(3),
                            rs.getBigDecimal(4),
                            rs.getLong(5));
                    cells.put(new Key(d.day(), d.mechanicId()), d);
                });
        SummaryTables.upsert(
                c,
                cells,
                "UPDATE analytics_mechanic_daily SET tickets = tickets + ?, hours = hours + ?, parts = parts + ?, "
                        + "computed_at = ? WHERE work_date = ? AND mechanic_id = ?",
                (p, key, w) -> {
                    p.setLong(1, w.tickets());
                    p.setBigDecimal(2, w.hours());
                    p.setLong(3, w.parts());
                    p.setTimestamp(4, at);
                    p.setDate(5, Date.valueOf(key.day()));
                    p.setLong(6, key.mechanicId());
                },
                INSERT,
                (p, key, w) -> bind(p, w, at));
        return cells.size();
    }

    /** Recomputes every cell from the tickets; returns the cells written. */
    @Override
    public long rebuild(Connection c, Timestamp at) throws SQLException {
        SummaryTables.clear(c, "analytics_mechanic_daily");
        return SummaryTables.insertAll(c, MechanicFacts.workPerDay(c), INSERT, (p, w) -> bind(p, w, at));
    }

    private static void bind(PreparedStatement p, MechanicDay w, Timestamp at) throws SQLException {
        p.setDate(1, Date.valueOf(w.day()));
        p.setLong(2, w.mechanicId());
        p.setLong(3, w.tickets());
        p.setBigDecimal(4, w.hours());
        p.setLong(5, w.parts());
        p.setTimestamp(6, at);
    }
}
