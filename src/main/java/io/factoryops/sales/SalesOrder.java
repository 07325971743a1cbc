package io.factoryops.sales;

import io.factoryops.platform.db.VersionedEntity;
import io.factoryops.platform.error.InvalidTransitionException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A customer's order: lines with the unit price captured when it was placed, and its money computed
 * with BigDecimal, HALF_UP to cents (line total, subtotal, tax on the subtotal, total). While placed,
 * its customer and lines may be changed ({@link #revise}); its status changes through {@link #ship()},
 * {@link #complete()} and {@link #cancel()}.
 */
@Entity(name = "SalesOrder")
@Table(name = "orders")
public class SalesOrder extends VersionedEntity {

    /** The most that subtotal, tax, total and each line total hold: DECIMAL(14, 2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    @BatchFetch(BatchFetchType.IN)
    private Customer customer;

    /** The customer's id as a column (read only): an export reads it without loading the customer. */
    @Column(name = "customer_id", insertable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @Column(name = "order_date", nullable = false, updatable = false)
    private Instant orderDate;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal subtotal;

    @Column(name = "tax_rate", nullable = false, precision = 6, scale = 4)
    private BigDecimal taxRate;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal tax;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal total;

    /** The units of all lines together. */
    @Column(nullable = false)
    private long units;

    @Column(name = "created_by_id", nullable = false, updatable = false)
    private long createdById;

    @Column(name = "created_by", nullable = false, updatable = false, length = 50)
    private String createdBy;

    /** A revision replaces the lines: the ones it drops are deleted with it. */
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST, orphanRemoval = true)
    @OrderBy("lineNo")
    @BatchFetch(BatchFetchType.IN)
    private List<OrderLine> lines = new ArrayList<>();

    protected SalesOrder() {}

    SalesOrder(Customer customer, BigDecimal taxRate, long createdById, String createdBy) {
        this.customer = customer;
        this.status = OrderStatus.PLACED;
        this.orderDate = Instant.now();
        this.taxRate = taxRate;
        this.createdById = createdById;
        this.createdBy = createdBy;
        this.subtotal = BigDecimal.ZERO.setScale(2);
        this.tax = BigDecimal.ZERO.setScale(2);
        this.total = BigDecimal.ZERO.setScale(2);
    }

    /** Adds a line at the product's current price and recomputes the totals. */
    void addLine(long productId, int quantity, BigDecimal unitPrice) {
        lines.add(new OrderLine(this, lines.size() + 1, productId, quantity, unitPrice));
        recompute();
    }

    /** A line of a revision: the product, its quantity and the unit price it is sold at. */
    record RevisedLine(long productId, int quantity, BigDecimal unitPrice) {}

    /**
     * Replaces the customer and the lines of a placed order (numbered in the given order) and recomputes
     * units and money at the order's own tax rate; the caller moves the stock by the difference. 409
     * {@code INVALID_TRANSITION} once it is shipped, completed or cancelled.
     */
    void revise(Customer newCustomer, List<RevisedLine> newLines) {
        requirePlaced("be changed");
        if (newLines.isEmpty()) {
            throw new IllegalArgumentException("an order keeps at least one line");
        }
        this.customer = newCustomer;
        this.customerId = newCustomer.getId();
        lines.clear();
        for (RevisedLine line : newLines) {
            lines.add(new OrderLine(this, lines.size() + 1, line.productId(), line.quantity(), line.unitPrice()));
        }
        recompute();
    }

    /** 409 {@code INVALID_TRANSITION} unless the order is placed (the only state in which it changes). */
    void requirePlaced(String verb) {
        if (status != OrderStatus.PLACED) {
            throw new InvalidTransitionException("Order " + getId(), status.value(), verb, status.allowedTransitions());
        }
    }

    private void recompute() {
        units = lines.stream().mapToLong(OrderLine::getQuantity).sum();
        subtotal = lines.stream()
                .map(OrderLine::getLineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        tax = subtotal.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        total = subtotal.add(tax);
    }

    void ship() {
        transition("ship", OrderStatus.PLACED, OrderStatus.SHIPPED);
    }

    void complete() {
        transition("complete", OrderStatus.SHIPPED, OrderStatus.COMPLETED);
    }

    /** Cancels a placed order; the caller returns the stock. */
    void cancel() {
        transition("cancel", OrderStatus.PLACED, OrderStatus.CANCELLED);
    }

    private void transition(String verb, OrderStatus from, OrderStatus to) {
        if (status != from) {
            throw new InvalidTransitionException("Order " + getId(), status.value(), verb, status.allowedTransitions());
        }
        status = to;
    }

    public Customer getCustomer() {
        return customer;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public Instant getOrderDate() {
        return orderDate;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public BigDecimal getTotal() {
        return total;
    }

    /** The customer's id without loading the customer (null on an order not yet written). */
    public Long getCustomerId() {
        return customerId;
    }

    public long getUnits() {
        return units;
    }

    public long getCreatedById() {
        return createdById;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<OrderLine> getLines() {
        return lines;
    }
}
