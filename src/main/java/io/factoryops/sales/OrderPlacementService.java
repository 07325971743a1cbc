package io.factoryops.sales;

import io.factoryops.catalog.ProductService;
import io.factoryops.catalog.ProductSummary;
import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.Caller;
import io.factoryops.platform.Decimals;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
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
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Placing an order and changing a placed one. Placing takes the stock of every line in one transaction
 * (conditional updates, in product-id order so that concurrent orders cannot deadlock) or fails whole with 409
 * {@code INSUFFICIENT_STOCK}; changing one moves the stock by the difference. Either counts for the read models
 * ({@link OrderCounted}) and is audited.
 */
@ApplicationScoped
public class OrderPlacementService {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    OrderAccess access;

    @Inject
    CustomerService customers;

    @Inject
    ProductService products;

    @Inject
    StockService stock;

    @Inject
    AuditService audit;

    @Inject
    EventPublisher events;

    @Inject
    Event<OrderCounted> counted;

    @Inject
    Event<OrderStatusChanged> statusChanged;

    @Inject
    @ConfigProperty(name = "factory.tax-rate", defaultValue = "0.09")
    BigDecimal taxRate;

    @PostConstruct
    void checkTaxRate() {
        Decimals.requireTaxRate(taxRate);
    }

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
                throw noLongerSold(productId, product.name());
            }
            order.addLine(productId, quantity, product.price());
        });
        requireHoldable(order);
        em.persist(order);
        em.flush();
        Map<Long, Integer> units = new HashMap<>();
        quantities.forEach(
                (productId, quantity) -> units.put(summaries.get(productId).stockItemId(), quantity));
        stock.takeAll(locked, units, StockReason.ORDER, StockReference.order(order.getId()), null);
        counted.fire(OrderCounted.of(order, +1));
        statusChanged.fire(new OrderStatusChanged(order.getId(), null, order.getStatus()));
        OrderResponse placed = OrderAccess.view(order, current(summaries, locked));
        audit.record(AuditAction.CREATE, "order", order.getId(), null, placed);
        events.publish(EventType.ORDER_PLACED, order.getId(), placed);
        return placed;
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
        SalesOrder order = access.visible(caller, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
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
        OrderResponse before = OrderAccess.view(order, current(summaries, locked));

        // per product: the units the order holds now and the units it will hold; check everything first
        Map<Long, Integer> deltas = new TreeMap<>();
        List<StockShortage> shortages = new ArrayList<>();
        for (long productId : productIds) {
            int had = held.containsKey(productId) ? held.get(productId).getQuantity() : 0;
            int wants = quantities.getOrDefault(productId, 0);
            StockItem item = locked.item(summaries.get(productId).stockItemId());
            if (wants > had && !item.isActive()) {
                throw noLongerSold(productId, summaries.get(productId).name());
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
        requireHoldable(order);
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
        OrderResponse after = OrderAccess.view(order, current(summaries, locked));
        audit.record(AuditAction.UPDATE, "order", id, before, after);
        return after;
    }

    /** The summaries with the stock that the locked moves of this transaction left. */
    private static Map<Long, ProductSummary> current(Map<Long, ProductSummary> summaries, StockService.Locked locked) {
        Map<Long, ProductSummary> current = new HashMap<>();
        summaries.forEach((id, p) -> current.put(id, p.withStock(locked.quantity(p.stockItemId()))));
        return current;
    }

    /** 400 naming {@code lines} when the order's total is more than an order holds. */
    private static void requireHoldable(SalesOrder order) {
        if (order.getTotal().compareTo(SalesOrder.MAX_AMOUNT) > 0) {
            throw ApiException.invalidField(
                    "lines",
                    "the order total would be " + order.getTotal().toPlainString() + ", more than an order can hold ("
                            + SalesOrder.MAX_AMOUNT.toPlainString() + ")");
        }
    }

    /** 409 CONFLICT: more of a product that is no longer sold. */
    private static ApiException noLongerSold(long productId, String name) {
        return new ApiException(ErrorCode.CONFLICT, "Product " + productId + " (" + name + ") is no longer sold");
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
}
