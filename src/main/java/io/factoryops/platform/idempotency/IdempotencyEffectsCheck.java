package io.factoryops.platform.idempotency;

import io.factoryops.platform.books.BooksCheck;
import io.factoryops.platform.books.BooksCheckResult;
import io.factoryops.platform.db.SqlReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No idempotency key whose effect is missing: a key's answer is written in its request's transaction, so a stored
 * success that created a document ({@link CreatedDocuments}) names one that exists, unless the database lost rows
 * (a restore of an inconsistent dump). One query reads the located answers (a day's keys at most: they expire after
 * {@code factory.idempotency.ttl-hours}), then one primary-key query per 500 ids of a collection. The ids listed are
 * the keys' row ids; answers that replayed a transition or a receipt (no {@code Location}) are the other checks'
 * business (their rows are in the ledger).
 */
@ApplicationScoped
public class IdempotencyEffectsCheck implements BooksCheck {

    private static final Pattern LOCATED = Pattern.compile("/api/(.+)/(\\d+)$");

    @Inject
    @Any
    Instance<CreatedDocuments> documents;

    @Inject
    SqlReads sql;

    private record Located(long key, String collection, long document) {}

    @Override
    public String name() {
        return "idempotency_effects";
    }

    @Override
    public String description() {
        return "Every stored Idempotency-Key answer that created an order, a purchase order or a service ticket "
                + "names one that exists";
    }

    @Override
    public BooksCheckResult run(int limit) {
        return run(limit, documents);
    }

    BooksCheckResult run(int limit, Iterable<CreatedDocuments> declared) {
        Map<String, String> tables = new HashMap<>();
        declared.forEach(d -> tables.putAll(d.tables()));
        List<Located> located = new ArrayList<>();
        sql.list(
                "SELECT id, location FROM idempotency_keys WHERE status >= 200 AND status < 300 "
                        + "AND location IS NOT NULL",
                List.of(),
                rs -> {
                    Matcher m = LOCATED.matcher(rs.getString(2));
                    if (m.find() && tables.containsKey(m.group(1))) {
                        located.add(new Located(rs.getLong(1), m.group(1), Long.parseLong(m.group(2))));
                    }
                    return null;
                });
        Map<String, Set<Long>> existing = new HashMap<>();
        Map<String, Set<Long>> wanted = new HashMap<>();
        located.forEach(l ->
                wanted.computeIfAbsent(l.collection(), c -> new HashSet<>()).add(l.document()));
        wanted.forEach((collection, ids) -> existing.put(collection, existing(tables.get(collection), ids)));
        TreeSet<Long> missing = new TreeSet<>();
        located.stream()
                .filter(l -> !existing.get(l.collection()).contains(l.document()))
                .forEach(l -> missing.add(l.key()));
        return new BooksCheckResult(
                name(),
                description(),
                located.size(),
                missing.size(),
                missing.stream().limit(limit).toList());
    }

    private Set<Long> existing(String table, Set<Long> ids) {
        Set<Long> found = new HashSet<>();
        List<Long> all = List.copyOf(new TreeSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            sql.list(
                    "SELECT id FROM " + table + " WHERE id IN (" + SqlReads.placeholders(chunk.size()) + ")",
                    chunk,
                    rs -> found.add(rs.getLong(1)));
        }
        return found;
    }
}
