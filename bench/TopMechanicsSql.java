import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The top-mechanics question without the server (bench/README.md, "Maintenance"; run it on the database that
 * bench/maintenance.sh left, server stopped): the ranking as GET /api/mechanics/top reads it from the summary,
 * next to the same ranking computed live from the tickets, for this month and for the last 366 days; median
 * and minimum of ROUNDS. On H2, identical queries on unchanged tables answer from H2's result cache: it is
 * switched off here (SET OPTIMIZE_REUSE_RESULTS 0), so that each round computes.
 *
 * java -cp <jdbc driver jar> bench/TopMechanicsSql.java JDBC_URL USER PASSWORD [ROUNDS=15]
 */
public class TopMechanicsSql {

    static final String SUMMARY = "SELECT x.mechanic_id, m.name, x.tickets, x.hours, x.parts FROM (SELECT mechanic_id, "
            + "SUM(tickets) tickets, SUM(hours) hours, SUM(parts) parts FROM analytics_mechanic_daily "
            + "WHERE work_date BETWEEN ? AND ? GROUP BY mechanic_id "
            + "ORDER BY tickets DESC, hours DESC, parts DESC, mechanic_id DESC LIMIT ?) x "
            + "JOIN mechanics m ON m.id = x.mechanic_id "
            + "ORDER BY x.tickets DESC, x.hours DESC, x.parts DESC, x.mechanic_id DESC";

    /** One row per completed ticket and mechanic on it, as TopMechanicsRefreshIT checks the summary. */
    static final String LIVE = "SELECT x.mechanic_id, COUNT(*), SUM(x.hours), SUM(x.parts) FROM (SELECT a.mechanic_id, "
            + "a.hours, (SELECT COALESCE(SUM(l.quantity), 0) FROM service_ticket_parts l WHERE l.ticket_id = t.id "
            + "AND l.returned_at IS NULL AND l.fitted_by = m.username) parts "
            + "FROM service_tickets t JOIN service_ticket_mechanics a ON a.ticket_id = t.id "
            + "JOIN mechanics m ON m.id = a.mechanic_id "
            + "WHERE t.status = 'COMPLETED' AND t.completed_at >= ? AND t.completed_at < ?) x "
            + "GROUP BY x.mechanic_id ORDER BY 2 DESC, 3 DESC, 4 DESC, x.mechanic_id DESC LIMIT ?";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            if (args[0].startsWith("jdbc:h2:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                }
            }
            for (Object[] period : new Object[][] {{"this month", today.withDayOfMonth(1),
                    today.withDayOfMonth(today.lengthOfMonth()), 10}, {"366 days", today.minusDays(365), today, 100}}) {
                LocalDate from = (LocalDate) period[1];
                LocalDate to = (LocalDate) period[2];
                int limit = (Integer) period[3];
                time("summary, " + period[0] + ", limit " + limit, c, SUMMARY, rounds, p -> {
                    p.setDate(1, Date.valueOf(from));
                    p.setDate(2, Date.valueOf(to));
                    p.setInt(3, limit);
                });
                time("live from the tickets, " + period[0] + ", limit " + limit, c, LIVE, rounds, p -> {
                    p.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
                    p.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
                    p.setInt(3, limit);
                });
            }
        }
    }

    interface Binder {
        void bind(PreparedStatement p) throws Exception;
    }

    static void time(String what, Connection c, String sql, int rounds, Binder binder) throws Exception {
        List<Double> ms = new ArrayList<>();
        int rows = 0;
        try (PreparedStatement p = c.prepareStatement(sql)) {
            binder.bind(p);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                rows = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(ms);
        System.out.printf("%-45s %3d rows: median %8.1f ms, min %8.1f ms%n", what, rows, ms.get(ms.size() / 2), ms.get(0));
    }
}
