package io.factoryops.demo;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gives the demo plant's history its dates, in this one place. The services stamp "now" on what they write and
 * have no clock to set (only a production record's production_date and a ticket's service_date are fields of
 * their requests), so the plant is written through them as a story told in order, day after day, and then dated
 * by UPDATEs in the same transaction, before the commit:
 * <ul>
 * <li>rows that are only ever appended (ledger rows, audit rows, notifications, receipts, assignments, fitted
 * parts) take the time of the event that wrote them: after each event the highest id of each such table is
 * noted, and the ids between two notes get that event's time. The ledger thus keeps its order, and each row
 * its quantity_after, as the services wrote them;</li>
 * <li>documents that change state take each state's time ({@link #stamp});</li>
 * <li>master data takes the set-up time; a stock item the time of its last movement.</li>
 * </ul>
 * Nothing here changes a quantity, a status or a version: only when things happened.
 */
final class DemoHistory {

    /** An appended table and its insertion time. */
    private record Appended(String table, String column) {}

    private static final List<Appended> APPENDED = List.of(
            new Appended("stock_movements", "occurred_at"),
            new Appended("audit_logs", "occurred_at"),
            new Appended("notifications", "created_at"),
            new Appended("purchase_order_receipts", "received_at"),
            new Appended("service_ticket_mechanics", "assigned_at"),
            new Appended("service_ticket_parts", "fitted_at"));

    private static final String SELECT_MAX_IDS = "SELECT "
            + String.join(
                    ", ",
                    APPENDED.stream()
                            .map(a -> "(SELECT MAX(id) FROM " + a.table() + ")")
                            .toList());

    /** Tables of master data: created (and last changed) when the plant was set up. */
    private static final List<String> MASTER = List.of(
            "customers",
            "products",
            "parts",
            "suppliers",
            "employees",
            "mechanics",
            "inventory_categories",
            "inventory_locations");

    /** The ids (from, to] of an appended table that one event wrote at one time. */
    private record Span(long from, long to, Instant at) {}

    /** A row of a table keyed by {@code keyColumn} (its id, or its ticket's id for fitted parts). */
    private record Row(String table, String keyColumn, long key) {}

    private final EntityManager em;
    private final long[] marks = new long[APPENDED.size()];
    private final List<List<Span>> spans = new ArrayList<>();
    private final Map<Row, Map<String, Instant>> stamps = new LinkedHashMap<>();
    private Instant now;

    DemoHistory(EntityManager em) {
        this.em = em;
        long[] maxima = maxIds();
        for (int i = 0; i < APPENDED.size(); i++) {
            marks[i] = maxima[i];
            spans.add(new ArrayList<>());
        }
    }

    /** Runs one event of the story, which happened at {@code time}: what it appends is dated so. */
    <T> T at(Instant time, Supplier<T> event) {
        now = time;
        T result = event.get();
        // what the event wrote goes to the database, and leaves the persistence context: the whole load is one
        // transaction, and a context holding thousands of entities makes every later flush walk them all
        em.flush();
        em.clear();
        long[] maxima = maxIds();
        for (int i = 0; i < APPENDED.size(); i++) {
            long max = maxima[i];
            if (max > marks[i]) {
                spans.get(i).add(new Span(marks[i], max, time));
                marks[i] = max;
            }
        }
        return result;
    }

    void at(Instant time, Runnable event) {
        at(time, () -> {
            event.run();
            return null;
        });
    }

    /** The time of the event running now (in {@link #at}). */
    Instant now() {
        return now;
    }

    /** These columns of the row with this id got their time in the event running now. */
    void stamp(String table, long id, String... columns) {
        stamp(new Row(table, "id", id), columns);
    }

    /** The parts of this ticket that were given back got their returned_at in the event running now. */
    void stampReturnedParts(long ticketId) {
        stamp(new Row("service_ticket_parts", "ticket_id", ticketId), "returned_at");
    }

    private void stamp(Row row, String... columns) {
        Map<String, Instant> times = stamps.computeIfAbsent(row, r -> new LinkedHashMap<>());
        for (String column : columns) {
            times.put(column, now);
        }
    }

    /** Writes every date; the users of the plant (not the bootstrap super_admin) were created at {@code setUp}. */
    int apply(Instant setUp, Collection<Long> userIds) {
        em.flush();
        int statements = 0;
        for (int i = 0; i < APPENDED.size(); i++) {
            Appended table = APPENDED.get(i);
            for (Span span : spans.get(i)) {
                em.createNativeQuery(
                                "UPDATE " + table.table() + " SET " + table.column() + " = ? WHERE id > ? AND id <= ?")
                        .setParameter(1, Timestamp.from(span.at()))
                        .setParameter(2, span.from())
                        .setParameter(3, span.to())
                        .executeUpdate();
                statements++;
            }
        }
        for (Map.Entry<Row, Map<String, Instant>> stamp : stamps.entrySet()) {
            Row row = stamp.getKey();
            List<String> columns = new ArrayList<>(stamp.getValue().keySet());
            StringBuilder sql = new StringBuilder("UPDATE ").append(row.table()).append(" SET ");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "" : ", ").append(columns.get(c)).append(" = ?");
            }
            sql.append(" WHERE ").append(row.keyColumn()).append(" = ?");
            if (!row.keyColumn().equals("id")) {
                sql.append(" AND ").append(columns.get(0)).append(" IS NOT NULL");
            }
            var update = em.createNativeQuery(sql.toString());
            for (int c = 0; c < columns.size(); c++) {
                update.setParameter(c + 1, Timestamp.from(stamp.getValue().get(columns.get(c))));
            }
            update.setParameter(columns.size() + 1, row.key()).executeUpdate();
            statements++;
        }
        Timestamp created = Timestamp.from(setUp);
        for (String table : MASTER) {
            em.createNativeQuery("UPDATE " + table + " SET created_at = ?, updated_at = ?")
                    .setParameter(1, created)
                    .setParameter(2, created)
                    .executeUpdate();
            statements++;
        }
        for (Long user : userIds) {
            em.createNativeQuery("UPDATE users SET created_at = ?, updated_at = ? WHERE id = ?")
                    .setParameter(1, created)
                    .setParameter(2, created)
                    .setParameter(3, user)
                    .executeUpdate();
            statements++;
        }
        em.createNativeQuery("UPDATE stock_items SET created_at = ?, updated_at = COALESCE((SELECT MAX(m.occurred_at) "
                        + "FROM stock_movements m WHERE m.stock_item_id = stock_items.id), ?)")
                .setParameter(1, created)
                .setParameter(2, created)
                .executeUpdate();
        return statements + 1;
    }

    /** The highest id of each appended table, in one statement (it runs after every event). */
    private long[] maxIds() {
        Object[] row = (Object[]) em.createNativeQuery(SELECT_MAX_IDS).getSingleResult();
        long[] maxima = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            maxima[i] = row[i] == null ? 0 : ((Number) row[i]).longValue();
        }
        return maxima;
    }
}
