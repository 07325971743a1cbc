package io.factoryops.sales;

import io.factoryops.catalog.ProductService;
import io.factoryops.catalog.ProductSummary;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.platform.Dates;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.stock.InsufficientStockException;
import io.factoryops.stock.StockItem;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReference;
import io.factoryops.stock.StockService;
import io.factoryops.stock.StockShortage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Orders. Placing one takes the stock of every line in one transaction (conditional updates, in
 * product-id order so that concurrent orders cannot deadlock) or fails whole with 409
 * {@code INSUFFICIENT_STOCK}; changing a placed one moves the difference; cancelling returns it. Admins
 * see every order, other staff the orders they placed.
 */
@ApplicationScoped
public class OrderService {

    public static final Set<String> SORTABLE = Set.of("id", "order_date", "total", "status");
    private static final Map<String, String> SORT_ATTRIBUTES =
            Map.of("id", "id", "order_date", "orderDate", "total", "total", "status", "status");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    CustomerService customers;

    @Inject
    ProductService products;

    @Inject
    StockService stock;

    @Inject
    AuditService audit;

    @Inject
    Event<OrderCounted> counted;

    @Inject
    Event<OrderStatusChanged> statusChanged;

    @Inject
    @ConfigProperty(name = "factory.tax-rate", defaultValue = "0.09")
    BigDecimal taxRate;

    @PostConstruct
    void checkTaxRate() {
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0 || taxRate.scale() > 4) {
            throw new IllegalStateException("factory.tax-rate must be a fraction in [0, 1) with at most 4 decimals, "
                    + "e.g. 0.09; it is " + taxRate);
        }
    }

    /** Filters of the order list. Parsed from {@link OrderListParameters}. */
    public record Filter(String status, Long customerId, LocalDate dateFrom, LocalDate dateTo) {}

    /**
     * Places an order: locks the stock items of its products (the ledger's lock order, before the order
     * lines that refer to the products are inserted), then takes every line or nothing.
     */
    @Transactional
    public OrderResponse place(Caller caller, OrderRequest request) {
        Map<Long, Integer> quantities = quantities(request);
        Map<Long, ProductSummary> summaries = products.summaries(quantities.keySet());
        StockService.Locked locked = stock.lock(
                summaries.values().stream().map(ProductSummary::stockItemId).toList());
        Customer customer = customers.find(request.customerId());
        SalesOrder order = new SalesOrder(customer, taxRate, caller.id(), caller.username());
        quantities.forEach((productId, quantity) -> {
            ProductSummary product = summaries.get(productId);
            if (!locked.item(product.stockItemId()).isActive()) {
                throw new ApiException(
                        ErrorCode.CONFLICT, "Product " + productId + " (" + product.name() + ") is no longer sold");
            }
            order.addLine(productId, quantity, product.price());
        });
        if (order.getTotal().compareTo(SalesOrder.MAX_AMOUNT) > 0) {
            throw ApiException.invalidField(
                    "lines",
                    "the order total would be " + order.getTotal().toPlainString() + ", more than an order can hold ("
                            + SalesOrder.MAX_AMOUNT.toPlainString() + ")");
        }
        em.persist(order);
        em.flush();
        Map<Long, Integer> units = new HashMap<>();
        quantities.forEach(
                (productId, quantity) -> units.put(summaries.get(productId).stockItemId(), quantity));
        stock.takeAll(locked, units, StockReason.ORDER, StockReference.order(order.getId()), null);
        counted.fire(OrderCounted.of(order, +1));
        statusChanged.fire(new OrderStatusChanged(order.getId(), null, order.getStatus()));
        OrderResponse placed = view(order, current(summaries, locked));
        audit.record(AuditAction.CREATE, "order", order.getId(), null, placed);
        return placed;
    }

    @Transactional
    public OrderResponse get(Caller caller, long id) {
        return view(visible(caller, id, LockModeType.NONE));
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
        return new Rows<>() {
            @Override
            public long count() {
                return JpaPaging.count(em, SalesOrder.class, where);
            }

            @Override
            public long forEach(Consumer<? super OrderRow> sink) {
                return JpaPaging.streamChunks(
                        em,
                        SalesOrder.class,
                        page,
                        SORT_ATTRIBUTES,
                        where,
                        chunk -> {
                            Map<Long, String> names = new HashMap<>();
                            List<Long> ids = chunk.stream()
                                    .map(SalesOrder::getCustomerId)
                                    .distinct()
                                    .toList();
                            for (int i = 0; i < ids.size(); i += 1000) {
                                em.createQuery("SELECT c.id, c.name FROM Customer c WHERE c.id IN :ids", Object[].class)
                                        .setParameter("ids", ids.subList(i, Math.min(i + 1000, ids.size())))
                                        .getResultList()
                                        .forEach(r -> names.put((Long) r[0], (String) r[1]));
                            }
                            return chunk.stream()
                                    .map(o -> OrderRow.of(o, names.get(o.getCustomerId())))
                                    .toList();
                        },
                        sink);
            }
        };
    }

    /** The WHERE of the list and of its export: who sees which orders, and the filters. */
    private JpaPaging.Filter<SalesOrder> where(Caller caller, Filter filter) {
        OrderStatus status = filter.status() == null ? null : parseStatus(filter.status());
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (!seesAll(caller)) {
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

    @Transactional
    public OrderResponse ship(Caller caller, long id) {
        return transition(caller, id, AuditAction.SHIP, SalesOrder::ship);
    }

    @Transactional
    public OrderResponse complete(Caller caller, long id) {
        return transition(caller, id, AuditAction.COMPLETE, SalesOrder::complete);
    }

    /** Cancels a placed order and returns its stock, exactly once (the order row is locked). */
    @Transactional
    public OrderResponse cancel(Caller caller, long id) {
        return transition(
                visible(caller, id, LockModeType.PESSIMISTIC_WRITE), AuditAction.CANCEL, this::cancelAndRestock);
    }

    /**
     * {@code DELETE /api/orders/{id}}: an order is never deleted (its ledger rows and figures refer to it), it is
     * cancelled at the version the caller read: a placed one exactly as {@link #cancel} does (the same path:
     * its stock returned once, audited as CANCEL); one cancelled already stays as it is (nothing to do); a
     * shipped or completed one is 409 {@code INVALID_TRANSITION}.
     */
    @Transactional
    public void delete(Caller caller, long id, long expectedVersion) {
        SalesOrder order = visible(caller, id, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(order, expectedVersion, "Order");
        if (order.getStatus() != OrderStatus.CANCELLED) {
            transition(order, AuditAction.CANCEL, this::cancelAndRestock);
        }
    }

    /** Cancels a locked order and returns every line's units to stock (ledger rows ORDER_CANCELLED). */
    private void cancelAndRestock(SalesOrder order) {
        order.cancel();
        counted.fire(OrderCounted.of(order, -1));
        Map<Long, ProductSummary> summaries = products.summaries(order.getLines().stream()
                .map(OrderLine::getProductId)
                .distinct()
                .toList());
        StockService.Locked locked = stock.lock(
                summaries.values().stream().map(ProductSummary::stockItemId).toList());
        order.getLines().stream()
                .sorted(java.util.Comparator.comparingLong(OrderLine::getProductId))
                .forEach(line -> stock.add(
                        locked,
                        summaries.get(line.getProductId()).stockItemId(),
                        line.getQuantity(),
                        StockReason.ORDER_CANCELLED,
                        StockReference.order(order.getId()),
                        null));
    }

    /**
     * Changes a placed order to the request's customer and lines, at the version the caller read (412 when it
     * changed since). The order's row is locked first (as cancelling does: a document before its stock items),
     * then the stock items of every product it held or will hold, in one {@link StockService#lock} in item-id
     * order as placing an order does, so that edits, cancels and new orders of the same products wait for each
     * other instead of deadlocking. The stock moves by the difference per product (ledger rows ORDER_CHANGED
     * referring to the order): a line that grows or a new product takes the units it lacks, or the whole edit
     * fails with 409 {@code INSUFFICIENT_STOCK} naming the product, the quantity asked for and the most its line
     * can have (what is on the shelf plus what the order holds), and nothing changes; a line that shrinks or
     * disappears gives its units back. Prices: a line whose product and quantity are unchanged keeps its unit
     * price; a changed or new line is priced as the product is now. The tax rate stays the order's. Analytics
     * see the old order leave and the new one count ({@link OrderCounted} -1 then +1), so summaries stay
     * exact whatever changed (customer, products, amounts). The version always moves on.
     */
    @Transactional
    public OrderResponse revise(Caller caller, long id, long expectedVersion, OrderRequest request) {
        Map<Long, Integer> quantities = quantities(request);
        SalesOrder order = visible(caller, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Versions.check(order, expectedVersion, "Order");
        order.requirePlaced("be changed");
        Map<Long, OrderLine> held = new HashMap<>();
        order.getLines().forEach(line -> held.put(line.getProductId(), line));
        Set<Long> productIds = new TreeSet<>(held.keySet());
        productIds.addAll(quantities.keySet());
        Map<Long, ProductSummary> summaries = products.summaries(productIds);
        Customer customer = customers.find(request.customerId(), "customer_id");
        StockService.Locked locked = stock.lock(
                summaries.values().stream().map(ProductSummary::stockItemId).toList());
        OrderResponse before = view(order, current(summaries, locked));

        // per product: the units the order holds now and the units it will hold; check everything first
        Map<Long, Integer> deltas = new TreeMap<>();
        List<StockShortage> shortages = new ArrayList<>();
        for (long productId : productIds) {
            int had = held.containsKey(productId) ? held.get(productId).getQuantity() : 0;
            int wants = quantities.getOrDefault(productId, 0);
            StockItem item = locked.item(summaries.get(productId).stockItemId());
            if (wants > had && !item.isActive()) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "Product " + productId + " (" + summaries.get(productId).name() + ") is no longer sold");
            }
            if (wants - had > item.getQuantity()) {
                shortages.add(new StockShortage(
                        item.getId(),
                        item.getKind(),
                        productId,
                        item.getSku(),
                        item.getName(),
                        wants,
                        item.getQuantity() + had));
            }
            if (wants != had) {
                deltas.put(productId, wants - had);
            }
        }
        if (!shortages.isEmpty()) {
            throw new InsufficientStockException(shortages);
        }

        List<SalesOrder.RevisedLine> lines = new ArrayList<>();
        quantities.forEach((productId, quantity) -> {
            OrderLine kept = held.get(productId);
            BigDecimal price = kept != null && kept.getQuantity() == quantity
                    ? kept.getUnitPrice()
                    : summaries.get(productId).price();
            lines.add(new SalesOrder.RevisedLine(productId, quantity, price));
        });
        counted.fire(OrderCounted.of(order, -1));
        order.revise(customer, lines);
        if (order.getTotal().compareTo(SalesOrder.MAX_AMOUNT) > 0) {
            throw ApiException.invalidField(
                    "lines",
                    "the order total would be " + order.getTotal().toPlainString() + ", more than an order can hold ("
                            + SalesOrder.MAX_AMOUNT.toPlainString() + ")");
        }
        StockReference reference = StockReference.order(order.getId());
        deltas.forEach((productId, delta) -> {
            long item = summaries.get(productId).stockItemId();
            if (delta > 0) {
                stock.take(locked, item, delta, StockReason.ORDER_CHANGED, reference, null);
            } else {
                stock.add(locked, item, -delta, StockReason.ORDER_CHANGED, reference, null);
            }
        });
        counted.fire(OrderCounted.of(order, +1));
        em.flush();
        OrderResponse after = view(order, current(summaries, locked));
        audit.record(AuditAction.UPDATE, "order", id, before, after);
        return after;
    }

    private OrderResponse transition(
            Caller caller, long id, AuditAction action, java.util.function.Consumer<SalesOrder> change) {
        return transition(visible(caller, id, LockModeType.PESSIMISTIC_WRITE), action, change);
    }

    /** Applies a status change to an order locked by the caller, tells the read models and audits it. */
    private OrderResponse transition(
            SalesOrder order, AuditAction action, java.util.function.Consumer<SalesOrder> change) {
        long id = order.getId();
        OrderStatus before = order.getStatus();
        change.accept(order);
        statusChanged.fire(new OrderStatusChanged(id, before, order.getStatus()));
        em.flush();
        OrderResponse after = view(order);
        audit.record(action, "order", id, Map.of("status", before.value()), Map.of("status", after.status()));
        return after;
    }

    private SalesOrder visible(Caller caller, long id, LockModeType lock) {
        SalesOrder order = em.find(SalesOrder.class, id, lock);
        if (order == null || (!seesAll(caller) && order.getCreatedById() != caller.id())) {
            throw ApiException.notFound("Order", id);
        }
        return order;
    }

    private static boolean seesAll(Caller caller) {
        return caller.role().includes().contains(Role.ADMIN);
    }

    private OrderResponse view(SalesOrder order) {
        return view(
                order,
                products.summaries(order.getLines().stream()
                        .map(OrderLine::getProductId)
                        .distinct()
                        .toList()));
    }

    private static OrderResponse view(SalesOrder o, Map<Long, ProductSummary> summaries) {
        List<OrderResponse.Line> lines = o.getLines().stream()
                .map(l -> new OrderResponse.Line(
                        l.getLineNo(),
                        l.getProductId(),
                        summaries.get(l.getProductId()).name(),
                        l.getQuantity(),
                        l.getUnitPrice(),
                        l.getLineTotal(),
                        summaries.get(l.getProductId()).stockQuantity()))
                .toList();
        return new OrderResponse(
                o.getId(),
                o.getStatus().value(),
                o.getOrderDate(),
                CustomerResponse.of(o.getCustomer()),
                lines,
                o.getSubtotal(),
                o.getTaxRate().stripTrailingZeros(),
                o.getTax(),
                o.getTotal(),
                o.getStatus().allowedTransitions(),
                o.getCreatedBy(),
                o.getVersion(),
                o.getCreatedAt(),
                o.getUpdatedAt());
    }

    /** The summaries with the stock that the locked moves of this transaction left. */
    private static Map<Long, ProductSummary> current(Map<Long, ProductSummary> summaries, StockService.Locked locked) {
        Map<Long, ProductSummary> current = new HashMap<>();
        summaries.forEach((id, p) -> current.put(id, p.withStock(locked.quantity(p.stockItemId()))));
        return current;
    }

    /** The quantity per product, lines of one product added up, in the order the client gave them. */
    private static Map<Long, Integer> quantities(OrderRequest request) {
        boolean hasLines = request.lines() != null && !request.lines().isEmpty();
        boolean hasSingle = request.productId() != null || request.quantity() != null;
        if (hasLines == hasSingle) {
            throw new ApiException(
                    ErrorCode.VALIDATION_FAILED,
                    "Give either lines [{product_id, quantity}] or one product_id with its quantity",
                    List.of(new FieldError("lines", "give either lines or product_id and quantity")),
                    Map.of());
        }
        List<OrderRequest.OrderLineRequest> lines = hasLines
                ? request.lines()
                : List.of(new OrderRequest.OrderLineRequest(request.productId(), request.quantity()));
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        for (OrderRequest.OrderLineRequest line : lines) {
            if (line.productId() == null || line.quantity() == null) {
                throw ApiException.invalidField(line.productId() == null ? "product_id" : "quantity", "is required");
            }
            quantities.merge(line.productId(), line.quantity(), Integer::sum);
            if (quantities.get(line.productId()) > 1_000_000) {
                throw ApiException.invalidField("quantity", "at most 1000000 per product");
            }
        }
        return quantities;
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
