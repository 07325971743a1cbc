import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Loads service tickets straight into the database for the maintenance benchmarks (bench/README.md,
 * "Maintenance"; the schema must exist and hold parts: bench/maintenance.sh runs GenerateParts first). Batched
 * JDBC inserts with explicit ids; deterministic (seeded). What it writes, as the API would have:
 * <ul>
 * <li>MECHANICS mechanics, each an employee (department Maintenance) with a mechanic account (an unusable
 * password hash: nobody logs in as them), and CUSTOMERS customers;</li>
 * <li>TICKETS tickets over the last 365 days (service date; a completed one completes on its service date):
 * 75 % completed, 10 % cancelled, 5 % open, 10 % in progress; 1 to 3 mechanics each, chosen with a skew so that
 * the ranking has leaders, with 0.25 to 8 labour hours each; 0 to 3 part lines of 1 to 4 units, fitted by one
 * of the ticket's mechanics (or, one line in five, by the admin), one in ten given back, every line of a
 * cancelled ticket given back.</li>
 * </ul>
 * It writes no ledger rows and moves no stock (the top-mechanics summary reads neither), and no analytics
 * deltas: a full refresh ({@code POST /api/analytics/refresh?full=true}) builds the summary from the tickets.
 * The ids of the in-progress tickets go to FILE, one a line, for the script to complete some through the API.
 *
 * java -cp <jdbc driver jar> bench/GenerateTickets.java JDBC_URL USER PASSWORD [TICKETS=100000] [MECHANICS=200]
 *     [CUSTOMERS=2000] [FILE]
 */
public class GenerateTickets {

    static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int mechanicCount = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int customerCount = args.length > 5 ? Integer.parseInt(args[5]) : 2_000;
        Random random = new Random(17);
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            c.setAutoCommit(false);
            List<Long> parts = new ArrayList<>();
            List<BigDecimal> costs = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, unit_cost FROM parts ORDER BY id")) {
                while (rs.next() && parts.size() < 5_000) {
                    parts.add(rs.getLong(1));
                    costs.add(rs.getBigDecimal(2));
                }
            }
            if (parts.isEmpty()) {
                throw new IllegalStateException("no parts: run bench/GenerateParts.java first");
            }
            long customerBase = maxId(c, "customers");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO customers (id, name, email, phone, address, "
                    + "created_at, updated_at, version) VALUES (?, ?, ?, NULL, NULL, ?, ?, 1)")) {
                for (int i = 1; i <= customerCount; i++) {
                    p.setLong(1, customerBase + i);
                    p.setString(2, "Bench customer " + i);
                    p.setString(3, "bc-" + run + "-" + i + "@bench.example");
                    p.setTimestamp(4, now);
                    p.setTimestamp(5, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
            long employeeBase = maxId(c, "employees");
            long userBase = maxId(c, "users");
            long mechanicBase = maxId(c, "mechanics");
            String[] usernames = new String[mechanicCount];
            try (PreparedStatement e = c.prepareStatement("INSERT INTO employees (id, name, email, position, department, "
                    + "hire_date, active, created_at, updated_at, version) VALUES (?, ?, ?, 'Mechanic', 'Maintenance', "
                    + "NULL, TRUE, ?, ?, 1)");
                 PreparedStatement u = c.prepareStatement("INSERT INTO users (id, username, email, full_name, "
                         + "password_hash, role, active, employee_id, customer_id, token_generation, last_login_at, "
                         + "created_at, updated_at, version) VALUES (?, ?, ?, ?, '!', 'MECHANIC', TRUE, ?, NULL, 0, "
                         + "NULL, ?, ?, 1)");
                 PreparedStatement m = c.prepareStatement("INSERT INTO mechanics (id, employee_id, user_id, name, email, "
                         + "username, position, active, created_at, updated_at, version) "
                         + "VALUES (?, ?, ?, ?, ?, ?, 'Mechanic', TRUE, ?, ?, 1)")) {
                for (int i = 1; i <= mechanicCount; i++) {
                    String username = "bm-" + run + "-" + i;
                    String email = username + "@bench.example";
                    String name = "Bench mechanic " + i;
                    usernames[i - 1] = username;
                    e.setLong(1, employeeBase + i);
                    e.setString(2, name);
                    e.setString(3, email);
                    e.setTimestamp(4, now);
                    e.setTimestamp(5, now);
                    e.addBatch();
                    u.setLong(1, userBase + i);
                    u.setString(2, username);
                    u.setString(3, email);
                    u.setString(4, name);
                    u.setLong(5, employeeBase + i);
                    u.setTimestamp(6, now);
                    u.setTimestamp(7, now);
                    u.addBatch();
                    m.setLong(1, mechanicBase + i);
                    m.setLong(2, employeeBase + i);
                    m.setLong(3, userBase + i);
                    m.setString(4, name);
                    m.setString(5, email);
                    m.setString(6, username);
                    m.setTimestamp(7, now);
                    m.setTimestamp(8, now);
                    m.addBatch();
                }
                e.executeBatch();
                u.executeBatch();
                m.executeBatch();
            }
            c.commit();

            long ticketBase = maxId(c, "service_tickets");
            long assignmentBase = maxId(c, "service_ticket_mechanics");
            long lineBase = maxId(c, "service_ticket_parts");
            long assignmentId = assignmentBase;
            long lineId = lineBase;
            int completed = 0;
            int inProgress = 0;
            StringBuilder open = new StringBuilder();
            try (PreparedStatement t = c.prepareStatement("INSERT INTO service_tickets (id, customer_id, vin, serial, "
                    + "make, model, asset_year, description, priority, service_date, status, labour_rate, tax_rate, "
                    + "created_by, started_at, completed_at, cancelled_at, created_at, updated_at, version) "
                    + "VALUES (?, ?, NULL, ?, 'Bench', 'Machine', 2020, 'Bench work', 'NORMAL', ?, ?, 60.00, 0.0900, "
                    + "'admin', ?, ?, ?, ?, ?, 1)");
                 PreparedStatement a = c.prepareStatement("INSERT INTO service_ticket_mechanics (id, ticket_id, "
                         + "mechanic_id, hours, assigned_by, assigned_at) VALUES (?, ?, ?, ?, 'admin', ?)");
                 PreparedStatement l = c.prepareStatement("INSERT INTO service_ticket_parts (id, ticket_id, line_no, "
                         + "part_id, quantity, unit_cost, line_total, fitted_by, fitted_at, returned_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= tickets; i++) {
                    long id = ticketBase + i;
                    LocalDate day = today.minusDays(random.nextInt(365));
                    Timestamp created = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()
                            .plusSeconds(6 * 3600 + random.nextInt(4 * 3600)));
                    Timestamp done = Timestamp.from(created.toInstant().plusSeconds(1800 + random.nextInt(8 * 3600)));
                    if (done.toInstant().isAfter(now.toInstant())) {
                        done = now;
                    }
                    int roll = random.nextInt(100);
                    String status = roll < 75 ? "COMPLETED" : roll < 85 ? "CANCELLED" : roll < 90 ? "OPEN" : "IN_PROGRESS";
                    completed += status.equals("COMPLETED") ? 1 : 0;
                    if (status.equals("IN_PROGRESS")) {
                        inProgress++;
                        open.append(id).append('\n');
                    }
                    t.setLong(1, id);
                    t.setLong(2, customerBase + 1 + random.nextInt(customerCount));
                    t.setString(3, "SN-" + id);
                    t.setObject(4, day);
                    t.setString(5, status);
                    t.setTimestamp(6, status.equals("OPEN") ? null : created);
                    t.setTimestamp(7, status.equals("COMPLETED") ? done : null);
                    t.setTimestamp(8, status.equals("CANCELLED") ? done : null);
                    t.setTimestamp(9, created);
                    t.setTimestamp(10, status.equals("OPEN") || status.equals("IN_PROGRESS") ? created : done);
                    t.addBatch();
                    List<Integer> on = new ArrayList<>();
                    for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                        // skewed: low numbers are picked more often, so the ranking has leaders
                        double r = random.nextDouble();
                        int mechanic = (int) (mechanicCount * r * r);
                        if (!on.contains(mechanic)) {
                            on.add(mechanic);
                            a.setLong(1, ++assignmentId);
                            a.setLong(2, id);
                            a.setLong(3, mechanicBase + 1 + mechanic);
                            a.setBigDecimal(4, BigDecimal.valueOf(25 + random.nextInt(776)).movePointLeft(2));
                            a.setTimestamp(5, created);
                            a.addBatch();
                        }
                    }
                    for (int k = 0, n = random.nextInt(4); k < n; k++) {
                        int pick = random.nextInt(parts.size());
                        int quantity = 1 + random.nextInt(4);
                        BigDecimal cost = costs.get(pick);
                        boolean returned = status.equals("CANCELLED") || random.nextInt(10) == 0;
                        l.setLong(1, ++lineId);
                        l.setLong(2, id);
                        l.setInt(3, k + 1);
                        l.setLong(4, parts.get(pick));
                        l.setInt(5, quantity);
                        l.setBigDecimal(6, cost);
                        l.setBigDecimal(7, cost.multiply(BigDecimal.valueOf(quantity)));
                        l.setString(8, random.nextInt(5) == 0 ? "admin" : usernames[on.get(random.nextInt(on.size()))]);
                        l.setTimestamp(9, created);
                        l.setTimestamp(10, returned ? done : null);
                        l.addBatch();
                    }
                    if (i % BATCH == 0 || i == tickets) {
                        t.executeBatch();
                        a.executeBatch();
                        l.executeBatch();
                        c.commit();
                    }
                }
            }
            restartIdentities(c, args[0]);
            if (args.length > 6) {
                java.nio.file.Files.writeString(java.nio.file.Path.of(args[6]), open.toString());
            }
            System.out.printf("%d mechanics, %d customers, %d tickets (%d completed, %d in progress), %d mechanic rows, "
                            + "%d part lines in %d ms%n", mechanicCount, customerCount, tickets, completed, inProgress,
                    assignmentId - assignmentBase, lineId - lineBase, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    static long maxId(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Explicit ids do not move H2's or PostgreSQL's identity counters: move them past the rows written (MariaDB does it itself). */
    static void restartIdentities(Connection c, String url) throws Exception {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        for (String table : new String[] {"customers", "employees", "users", "mechanics", "service_tickets",
                "service_ticket_mechanics", "service_ticket_parts"}) {
            long next = maxId(c, table) + 1;
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
        c.commit();
    }
}
