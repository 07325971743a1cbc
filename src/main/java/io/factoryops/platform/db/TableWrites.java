package io.factoryops.platform.db;

import jakarta.persistence.Table;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * A generation per table, moved on by every write that EclipseLink runs on this server (an entity's insert,
 * update or delete, a JPQL bulk {@code UPDATE}/{@code DELETE}, a native statement) once its transaction has
 * ended, so that an answer remembered with the generations of the tables it read is known to be current
 * (see {@code paging.ListTotals}). The generation moves after the end, not at the write: a reader that
 * counted before the commit would otherwise remember the old rows under the new generation.
 *
 * <p>What it does not see: writes of another server of a cluster, and statements run on a raw JDBC
 * connection (analytics' summary tables, which no list pages). What it remembers must therefore also
 * expire. Named by persistence.xml ({@code eclipselink.session-event-listener}).
 */
public class TableWrites extends SessionEventAdapter {

    /** Stands for every table: moved on by a write whose table could not be told. */
    private static final String ANY = "*";

    private static final Pattern IDENTIFIERS = Pattern.compile("[^A-Za-z0-9_]+");
    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "^\\s*(?:INSERT\\s+(?:IGNORE\\s+)?INTO|REPLACE\\s+INTO|MERGE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([`\"\\w.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, AtomicLong> GENERATIONS = new ConcurrentHashMap<>();
    private static final Object WRITTEN = new Object(); // the key of a transaction's written tables
    private static volatile TransactionSynchronizationRegistry registry;

    @Override
    public void postExecuteQuery(SessionEvent event) {
        DatabaseQuery query = event.getQuery();
        if (query != null && query.isModifyQuery()) {
            written(tablesWritten(query));
        }
    }

    /**
     * The table an entity's write or a JPQL bulk statement changes (its {@code @Table}), or the tables that a
     * native statement names after INSERT INTO, UPDATE or DELETE FROM; {@link #ANY} when neither tells.
     */
    private static Set<String> tablesWritten(DatabaseQuery query) {
        Class<?> entity = query.getReferenceClass();
        Table table = entity == null ? null : entity.getAnnotation(Table.class);
        if (table != null && !table.name().isEmpty()) {
            return Set.of(unqualified(table.name()));
        }
        List<String> statements = query.getSQLStrings() != null
                ? query.getSQLStrings()
                : query.getSQLString() != null ? List.of(query.getSQLString()) : List.of();
        Set<String> tables = new HashSet<>();
        for (String sql : statements) {
            Matcher m = WRITTEN_TABLE.matcher(sql);
            tables.add(m.find() ? unqualified(m.group(1)) : ANY);
        }
        return tables.isEmpty() ? Set.of(ANY) : tables;
    }

    /**
     * What an answer read by a SQL statement depends on: every identifier in it (its tables among its
     * columns and aliases, whose generations never move) and {@link #ANY}. Upper case, in no set order.
     */
    public static List<String> tablesIn(String sql) {
        if (sql == null) {
            return List.of();
        }
        Set<String> found = new HashSet<>();
        found.add(ANY);
        for (String word : IDENTIFIERS.split(sql)) {
            if (!word.isEmpty() && !Character.isDigit(word.charAt(0))) {
                found.add(word.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(found);
    }

    /** The current generation of each of the tables. */
    public static long[] generations(List<String> tables) {
        long[] generations = new long[tables.size()];
        for (int i = 0; i < generations.length; i++) {
            AtomicLong generation = GENERATIONS.get(tables.get(i));
            generations[i] = generation == null ? 0 : generation.get();
        }
        return generations;
    }

    /** Marks tables written: their generations move when the current transaction ends (now if none). */
    @SuppressWarnings("unchecked")
    public static void written(Collection<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions == null || transactions.getTransactionKey() == null) {
            tables.forEach(table -> moveOn(unqualified(table)));
            return;
        }
        Set<String> pending = (Set<String>) transactions.getResource(WRITTEN);
        if (pending == null) {
            Set<String> created = new HashSet<>();
            pending = created;
            transactions.putResource(WRITTEN, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    // after a rollback too: nothing changed, but telling them apart would save one count
                    created.forEach(TableWrites::moveOn);
                }
            });
        }
        for (String table : tables) {
            pending.add(unqualified(table));
        }
    }

    private static void moveOn(String table) {
        GENERATIONS.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
    }

    private static String unqualified(String table) {
        return table.equals(ANY)
                ? ANY
                : table.substring(table.lastIndexOf('.') + 1)
                        .replace("\"", "")
                        .replace("`", "")
                        .toUpperCase(Locale.ROOT);
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
                registry = found;
            } catch (NamingException e) {
                return null;
            }
        }
        return found;
    }
}
