package io.factoryops.platform.paging;

import io.factoryops.platform.db.DatabaseKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a paged, sorted, filtered query over one entity with the Criteria API: one count query (its
 * answer remembered for a few seconds, {@link ListTotals}), one query for the page's keys and one for its
 * rows. The keys query selects the sort keys and the id only,
 * so that the database sorts and skips narrow index entries, not whole rows joined with their fetched
 * associations (the low-stock parts of a category: 21 ms on H2 with the stock items joined before the
 * sort, 1 ms for the keys; docs/BENCHMARKS.md); the rows query then reads the page's entities and their
 * fetched associations by primary key. Services describe their filters as predicates and map API sort
 * names to entity attributes; the id is always the last sort key so that pages are stable. A request that
 * {@link PageRequest#seeks() seeks} also reads the sort keys of its rows, gives its page a
 * {@code next_cursor}, and, continuing after a cursor, starts right after that cursor's row (keyset
 * paging: {@code WHERE (k1, …, id) > (v1, …, vid)} written out for mixed directions) instead of
 * skipping rows with OFFSET; an export reads its rows in such keyset chunks ({@link #rows}). Sort
 * attributes that a list lets seek must not be null.
 */
public final class JpaPaging {

    /** Builds the WHERE predicates for a root; called once for the count and once for the page. */
    @FunctionalInterface
    public interface Filter<E> {
        List<Predicate> predicates(CriteriaBuilder cb, Root<E> root);
    }

    /** One ORDER BY key: an entity attribute and its direction. */
    private record Key(String attribute, boolean ascending) {}

    private JpaPaging() {}

    /**
     * The page; {@code fetch} names single-valued associations read in the same query as the page's
     * rows (not one query per row). Sort attributes may be paths through them ({@code stock.quantity}).
     */
    public static <E> Page<E> find(
            EntityManager em,
            Class<E> type,
            PageRequest request,
            Map<String, String> sortAttributes,
            Filter<E> filter,
            String... fetch) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        long total = ListTotals.count(em, countQuery(em, type, filter));

        boolean seeks = request.seeks();
        boolean afterCursor = request.continuesAfterCursor();
        List<Key> keys = keys(request, sortAttributes);
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<E> root = query.from(type);
        List<Selection<?>> selected = new ArrayList<>();
        selected.add(root.get("id"));
        keys.forEach(k -> selected.add(path(root, k.attribute()))); // the id at least: always a row of 2+
        List<Predicate> where = new ArrayList<>(filter.predicates(cb, root));
        if (afterCursor) {
            where.add(after(cb, root, keys, values(root, keys, request.after()), false, false));
        }
        query.multiselect(selected).where(where.toArray(Predicate[]::new));
        query.orderBy(orderBy(cb, root, keys));
        TypedQuery<Object[]> page = em.createQuery(query);
        if (!afterCursor) {
            page.setFirstResult(request.offset());
        }
        // one more row says whether there is a next page, whatever the (possibly remembered) total says
        List<Object[]> rows =
                new ArrayList<>(page.setMaxResults(request.perPage() + 1).getResultList());
        boolean hasNext = rows.size() > request.perPage();
        if (hasNext) {
            rows = rows.subList(0, request.perPage());
        }
        String nextCursor = seeks && hasNext ? cursor(request, rows.get(rows.size() - 1)) : null;
        List<E> entities = byIds(em, type, rows.stream().map(r -> r[0]).toList(), fetch);
        Pagination pagination = afterCursor
                ? Pagination.afterCursor(request, total, hasNext, nextCursor)
                : Pagination.of(request, total, hasNext).withNextCursor(nextCursor);
        return new Page<>(entities, pagination);
    }

    /** How many rows the filter selects (the count of a list, or of an export before it starts). */
    public static <E> long count(EntityManager em, Class<E> type, Filter<E> filter) {
        return countQuery(em, type, filter).getSingleResult();
    }

    private static <E> TypedQuery<Long> countQuery(EntityManager em, Class<E> type, Filter<E> filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> root = count.from(type);
        count.select(cb.count(root)).where(filter.predicates(cb, root).toArray(Predicate[]::new));
        return em.createQuery(count);
    }

    /**
     * The rows of an export: {@link #count} of the filter, and every row that it selects, in the request's
     * sort (the id last, as for pages), handed to the sink of {@link Rows#forEach} one at a time: the same
     * WHERE and ORDER BY as {@link #find}, read in keyset chunks ({@link KeysetChunks}) so that no more than one
     * chunk of entities is ever held and the first row comes after the first small chunk. {@code rows} turns a
     * chunk's entities into its rows; each chunk is read (and turned into rows) in a transaction of its own,
     * which ends before its rows go to the sink: a sink that waits on a slow client holds no connection, and a
     * sink that throws (an {@link java.io.UncheckedIOException} of a client that went away) ends the export
     * between two rows with no database resource open. {@code fetch} names single-valued associations read in
     * the same row: rows that look up what the entities name (customers, suppliers) do it once per chunk, in
     * one query, never per row (a query per row would cost more than the stream), nor for the whole export
     * before its first row ({@link #perRow} sees each entity on its own).
     */
    public static <E, R> Rows<R> rows(
            EntityManager em,
            Class<E> type,
            PageRequest request,
            Map<String, String> sortAttributes,
            Filter<E> filter,
            Function<? super List<E>, ? extends List<? extends R>> rows,
            String... fetch) {
        List<Key> keys = keys(request, sortAttributes);
        return new Rows<>() {
            @Override
            public long count() {
                return JpaPaging.count(em, type, filter);
            }

            @Override
            public long forEach(Consumer<? super R> sink) {
                return KeysetChunks.forEach(em, type, chunkQuery(em, type, keys, filter, fetch), rows, sink);
            }
        };
    }

    /** The rows of a chunk, each seen on its own through {@code view}, which must not query (see {@link #rows}). */
    public static <E, R> Function<List<E>, List<R>> perRow(Function<? super E, ? extends R> view) {
        return chunk -> chunk.stream().<R>map(view).toList();
    }

    /** The query of a chunk of an export: the rows after the last one's keys (all from the first, null). */
    private static <E> BiFunction<List<Object>, Integer, TypedQuery<Object[]>> chunkQuery(
            EntityManager em, Class<E> type, List<Key> keys, Filter<E> filter, String... fetch) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        boolean nullsHighest = DatabaseKind.of(em).sortsNullHighest();
        return (last, size) -> {
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<E> root = query.from(type);
            for (String association : fetch) {
                root.fetch(association);
            }
            List<Selection<?>> selected = new ArrayList<>();
            selected.add(root);
            keys.forEach(k -> selected.add(path(root, k.attribute())));
            List<Predicate> where = new ArrayList<>(filter.predicates(cb, root));
            if (last != null) {
                where.add(after(cb, root, keys, last, true, nullsHighest));
            }
            query.multiselect(selected).where(where.toArray(Predicate[]::new));
            query.orderBy(orderBy(cb, root, keys));
            return em.createQuery(query);
        };
    }

    /**
     * The entities of the given ids in that order, with their {@code fetch} associations, in one query by
     * primary key; one deleted since the keys were read is left out.
     */
    private static <E> List<E> byIds(EntityManager em, Class<E> type, List<Object> ids, String... fetch) {
        if (ids.isEmpty()) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(type);
        Root<E> root = query.from(type);
        for (String association : fetch) {
            root.fetch(association);
        }
        query.select(root).where(root.get("id").in(ids));
        PersistenceUnitUtil util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        Map<Object, E> byId = new HashMap<>();
        for (E entity : em.createQuery(query).getResultList()) {
            byId.put(util.getIdentifier(entity), entity);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** ORDER BY the keys, in their directions. */
    private static <E> List<Order> orderBy(CriteriaBuilder cb, Root<E> root, List<Key> keys) {
        List<Order> orders = new ArrayList<>();
        for (Key key : keys) {
            Path<?> path = path(root, key.attribute());
            orders.add(key.ascending() ? cb.asc(path) : cb.desc(path));
        }
        return orders;
    }

    /**
     * The sort keys of the request as attributes, the id last unless the client sorted by it. The id breaks
     * ties in the direction of the key before it: {@code -order_date} is {@code order_date DESC, id DESC},
     * which an index on {@code (order_date, id)} serves read backwards (InnoDB appends the primary key to
     * every secondary index; V22 names it for H2), so that a page or an export chunk reads only its rows.
     * Mixed directions ({@code order_date DESC, id ASC}) no index serves: each chunk of an export sorted
     * the whole remaining table (docs/BENCHMARKS.md).
     */
    private static List<Key> keys(PageRequest request, Map<String, String> sortAttributes) {
        List<Key> keys = new ArrayList<>();
        for (PageRequest.Sort sort : request.sort()) {
            keys.add(new Key(sortAttributes.get(sort.field()), sort.ascending()));
        }
        if (keys.stream().noneMatch(k -> k.attribute().equals("id"))) {
            keys.add(new Key("id", keys.isEmpty() || keys.get(keys.size() - 1).ascending()));
        }
        return keys;
    }

    /**
     * The rows after the one whose sort keys are {@code values}: k1 beyond v1, or k1 = v1 and k2 beyond v2,
     * …; k1 bounded, for an index range. A cursor's keys are never null (lists seek by non-null keys only);
     * an export may sort by a nullable attribute, so with {@code nullable} a null value or a null row is
     * placed where the database sorts it: NULL is the lowest value on MySQL, MariaDB and H2 (its default
     * {@code DEFAULT_NULL_ORDERING=LOW}), first when ascending, last when descending; the highest on PostgreSQL
     * ({@code nullsHighest}), last when ascending, first when descending. (JPA 3.1's criteria cannot say NULLS
     * FIRST or LAST, so the seek follows the database instead.)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E> Predicate after(
            CriteriaBuilder cb, Root<E> root, List<Key> keys, List<?> values, boolean nullable, boolean nullsHighest) {
        List<Predicate> any = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<Predicate> all = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                Path<?> path = path(root, keys.get(j).attribute());
                all.add(values.get(j) == null ? cb.isNull(path) : cb.equal(path, values.get(j)));
            }
            Path path = path(root, keys.get(i).attribute());
            Comparable value = (Comparable) values.get(i);
            boolean ascending = keys.get(i).ascending();
            boolean nullLast = ascending == nullsHighest;
            if (value == null) {
                if (nullLast) {
                    continue; // nothing sorts after NULL in this direction
                }
                all.add(cb.isNotNull(path));
            } else {
                Predicate beyond = ascending ? cb.greaterThan(path, value) : cb.lessThan(path, value);
                all.add(nullable && nullLast ? cb.or(beyond, cb.isNull(path)) : beyond);
            }
            any.add(cb.and(all.toArray(Predicate[]::new)));
        }
        if (any.isEmpty()) {
            return cb.disjunction(); // every key is NULL and sorts last: the row was the last
        }
        Predicate after = cb.or(any.toArray(Predicate[]::new));
        Path first = path(root, keys.get(0).attribute());
        Comparable v = (Comparable) values.get(0);
        if (v == null) {
            return after;
        }
        boolean ascending = keys.get(0).ascending();
        Predicate bound = ascending ? cb.greaterThanOrEqualTo(first, v) : cb.lessThanOrEqualTo(first, v);
        return cb.and(nullable && ascending == nullsHighest ? cb.or(bound, cb.isNull(first)) : bound, after);
    }

    /** The cursor's keys as the types of their attributes, each within the API's ranges; 400 otherwise. */
    private static <E> List<Comparable<?>> values(Root<E> root, List<Key> keys, Cursor cursor) {
        if (cursor.keys().size() != keys.size()) {
            throw Cursor.invalid();
        }
        List<Comparable<?>> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Comparable<?> value = Cursor.value(
                    path(root, keys.get(i).attribute()).getJavaType(),
                    cursor.keys().get(i));
            if (value == null) {
                throw Cursor.invalid();
            }
            values.add(value);
        }
        return values;
    }

    private static String cursor(PageRequest request, Object[] row) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                return null; // a sort key that may be null cannot seek; the list should not allow it
            }
            keys.add(
                    value instanceof BigDecimal d
                            ? d.toPlainString()
                            : value instanceof Enum<?> e ? e.name() : value.toString());
        }
        return new Cursor(request.sortSpec(), keys).encode();
    }

    /** An attribute or a dotted path of attributes ({@code stock.quantity}) from the root. */
    private static Path<?> path(Root<?> root, String attribute) {
        Path<?> path = root;
        for (String part : attribute.split("\\.")) {
            path = path.get(part);
        }
        return path;
    }

    /** A case-insensitive "contains" over several string attributes, OR-ed; for {@code q}. */
    public static <E> Predicate containsAny(CriteriaBuilder cb, Root<E> root, String text, String... attributes) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        Predicate[] any = new Predicate[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            any[i] = cb.like(cb.lower(root.get(attributes[i])), pattern, '\\');
        }
        return cb.or(any);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
