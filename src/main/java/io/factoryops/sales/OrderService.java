package io.factoryops.sales;

import io.factoryops.catalog.ProductService;
import io.factoryops.catalog.ProductSummary;
import io.factoryops.identity.Caller;
import io.factoryops.platform.Dates;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.platform.paging.SortFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders as they are read: the list, its export and one order. Admins see every order, other staff the orders
 * they placed. Placing and changing orders is {@link OrderPlacementService}'s, their life after
 * (ship, complete, cancel) {@link OrderLifecycleService}'s.
 */
@ApplicationScoped
public class OrderService {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "order_date", "total", "status");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    OrderAccess access;

    @Inject
    ProductService products;

    /** Filters of the order list. Parsed from {@link OrderListParameters}. */
    public record Filter(String status, Long customerId, LocalDate dateFrom, LocalDate dateTo) {}

    @Transactional
    public OrderResponse get(Caller caller, long id) {
        return view(access.visible(caller, id, LockModeType.NONE));
    }

    @Transactional
    public Page<OrderResponse> list(Caller caller, PageRequest page, Filter filter) {
        Page<SalesOrder> found = JpaPaging.find(em, SalesOrder.class, page, SORT_ATTRIBUTES, where(caller, filter));
        // the page's customers and lines load in one query each (@BatchFetch on SalesOrder), not one per order
        Map<Long, ProductSummary> summaries = products.summaries(found.data().stream()
                .flatMap(o -> o.getLines().stream())
                .map(OrderLine::getProductId)
                .distinct()
                .toList());
        return found.map(o -> view(o, summaries));
    }

    /**
     * The export of the list (the same caller's view, filters and sort): one flat row per order, streamed
     * when the caller runs {@link Rows#forEach} (a transaction per chunk); bad filters fail here. The names of the
     * customers a chunk of orders names are read with the chunk, in one query: the orders stream from one
     * table in the order of an index (a join with customers let H2 sort the whole result before the first
     * row), no row asks for its customer, and the first row does not wait for every customer's name.
     */
    @Transactional
    public Rows<OrderRow> export(Caller caller, PageRequest page, Filter filter) {
        JpaPaging.Filter<SalesOrder> where = where(caller, filter);
        return JpaPaging.rows(em, SalesOrder.class, page, SORT_ATTRIBUTES, where, chunk -> {
            Map<Long, String> names = new HashMap<>();
            List<Long> ids =
                    chunk.stream().map(SalesOrder::getCustomerId).distinct().toList();
            for (int i = 0; i < ids.size(); i += 1000) {
                em.createQuery("SELECT c.id, c.name FROM Customer c WHERE c.id IN :ids", Object[].class)
                        .setParameter("ids", ids.subList(i, Math.min(i + 1000, ids.size())))
                        .getResultList()
                        .forEach(r -> names.put((Long) r[0], (String) r[1]));
            }
            return chunk.stream()
                    .map(o -> OrderRow.of(o, names.get(o.getCustomerId())))
                    .toList();
        });
    }

    /** The WHERE of the list and of its export: who sees which orders, and the filters. */
    private JpaPaging.Filter<SalesOrder> where(Caller caller, Filter filter) {
        OrderStatus status = filter.status() == null ? null : parseStatus(filter.status());
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (!OrderAccess.seesAll(caller)) {
                where.add(cb.equal(root.get("createdById"), caller.id()));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (filter.customerId() != null) {
                where.add(cb.equal(root.get("customerId"), filter.customerId()));
            }
            if (filter.dateFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("orderDate"), Dates.startOf(filter.dateFrom())));
            }
            if (filter.dateTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("orderDate"), Dates.endOf(filter.dateTo())));
            }
            return where;
        };
    }

    private OrderResponse view(SalesOrder order) {
        return access.view(order);
    }

    private static OrderResponse view(SalesOrder o, Map<Long, ProductSummary> summaries) {
        return OrderAccess.view(o, summaries);
    }

    private static OrderStatus parseStatus(String value) {
        for (OrderStatus s : OrderStatus.values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        throw ApiException.invalidParameter("status", "must be one of placed, shipped, completed, cancelled");
    }
}
