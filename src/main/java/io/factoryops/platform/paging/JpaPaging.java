package io.factoryops.platform.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a paged, sorted, filtered query over one entity with the Criteria API: one count query and
 * one page query. Services describe their filters as predicates and map API sort names to entity
 * attributes; the id is always the last sort key so that pages are stable.
 */
public final class JpaPaging {

    /** Builds the WHERE predicates for a root; called once for the count and once for the page. */
    @FunctionalInterface
    public interface Filter<E> {
        List<Predicate> predicates(CriteriaBuilder cb, Root<E> root);
    }

    private JpaPaging() {
    }

    public static <E> Page<E> find(EntityManager em, Class<E> type, PageRequest request,
                                   Map<String, String> sortAttributes, Filter<E> filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> countRoot = count.from(type);
        count.select(cb.count(countRoot)).where(filter.predicates(cb, countRoot).toArray(Predicate[]::new));
        long total = em.createQuery(count).getSingleResult();

        List<E> rows = List.of();
        if (total > request.offset()) {
            CriteriaQuery<E> query = cb.createQuery(type);
            Root<E> root = query.from(type);
            query.select(root).where(filter.predicates(cb, root).toArray(Predicate[]::new));
            List<Order> orders = new ArrayList<>();
            for (PageRequest.Sort sort : request.sort()) {
                Path<?> path = root.get(sortAttributes.get(sort.field()));
                orders.add(sort.ascending() ? cb.asc(path) : cb.desc(path));
            }
            orders.add(cb.asc(root.get("id")));
            query.orderBy(orders);
            rows = em.createQuery(query)
                    .setFirstResult(request.offset())
                    .setMaxResults(request.perPage())
                    .getResultList();
        }
        return new Page<>(rows, Pagination.of(request, total));
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
