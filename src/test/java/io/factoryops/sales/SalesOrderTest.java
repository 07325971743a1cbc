package io.factoryops.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.error.InvalidTransitionException;
import io.factoryops.platform.error.Lifecycle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An order without a server: its life (every transition allowed or refused), its money rounded HALF_UP to cents,
 * and its revision (lines replaced and renumbered, money recomputed, only while placed).
 */
class SalesOrderTest {

    private static SalesOrder placed(Customer customer) {
        SalesOrder order = new SalesOrder(customer, new BigDecimal("0.09"), 1, "ada");
        order.addLine(10, 2, new BigDecimal("12.50"));
        order.addLine(11, 1, new BigDecimal("3.00"));
        return order;
    }

    @Test
    void aRevisionReplacesCustomerAndLinesAndRecomputesTheMoney() {
        SalesOrder order = placed(new Customer("A", "a@example.com", null, null));
        assertEquals(new BigDecimal("28.00"), order.getSubtotal());
        Customer other = new Customer("B", "b@example.com", null, null);
        order.revise(
                other,
                List.of(
                        new SalesOrder.RevisedLine(12, 3, new BigDecimal("0.35")),
                        new SalesOrder.RevisedLine(10, 1, new BigDecimal("12.50"))));
        assertSame(other, order.getCustomer());
        assertEquals(2, order.getLines().size());
        assertEquals(
                List.of(1, 2),
                order.getLines().stream().map(OrderLine::getLineNo).toList());
        assertEquals(12, order.getLines().get(0).getProductId());
        assertEquals(new BigDecimal("1.05"), order.getLines().get(0).getLineTotal());
        assertEquals(4, order.getUnits());
        assertEquals(new BigDecimal("13.55"), order.getSubtotal());
        assertEquals(new BigDecimal("1.22"), order.getTax(), "13.55 × 0.09 = 1.2195, HALF_UP");
        assertEquals(new BigDecimal("14.77"), order.getTotal());
        assertEquals(new BigDecimal("0.09"), order.getTaxRate(), "the order keeps its tax rate");
    }

    @Test
    void onlyAPlacedOrderIsRevised() {
        Customer customer = new Customer("A", "a@example.com", null, null);
        List<SalesOrder.RevisedLine> lines = List.of(new SalesOrder.RevisedLine(10, 1, BigDecimal.ONE));
        SalesOrder cancelled = placed(customer);
        cancelled.cancel();
        assertThrows(InvalidTransitionException.class, () -> cancelled.revise(customer, lines));
        SalesOrder shipped = placed(customer);
        shipped.ship();
        assertThrows(InvalidTransitionException.class, () -> shipped.revise(customer, lines));
        assertEquals(2, shipped.getLines().size(), "nothing changed");
        assertThrows(IllegalArgumentException.class, () -> placed(customer).revise(customer, List.of()));
    }

    /** The verbs of the API and what each does to an order. */
    private static final Map<String, Consumer<SalesOrder>> VERBS =
            Map.of("ship", SalesOrder::ship, "complete", SalesOrder::complete, "cancel", SalesOrder::cancel);

    /** Every transition the life allows: from → verb → to (all others are refused). */
    private static final Map<OrderStatus, Map<String, OrderStatus>> LIFE = Map.of(
            OrderStatus.PLACED, Map.of("ship", OrderStatus.SHIPPED, "cancel", OrderStatus.CANCELLED),
            OrderStatus.SHIPPED, Map.of("complete", OrderStatus.COMPLETED),
            OrderStatus.COMPLETED, Map.of(),
            OrderStatus.CANCELLED, Map.of());

    /** An order in {@code status}, reached through the transitions its life allows. */
    private static SalesOrder in(OrderStatus status) {
        return Lifecycle.reach(
                placed(new Customer("A", "a@example.com", null, null)), status, SalesOrder::getStatus, VERBS, LIFE);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void everyTransitionIsAllowedOrRefusedAsTheLifeSays(OrderStatus from) {
        assertEquals(LIFE.get(from).keySet(), Set.copyOf(from.allowedTransitions()), "what the API lists");
        new Lifecycle<>(
                        SalesOrderTest::in,
                        SalesOrder::getStatus,
                        OrderStatus::value,
                        OrderStatus::allowedTransitions,
                        VERBS,
                        LIFE)
                .assertFrom(from);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"SHIPPED", "COMPLETED", "CANCELLED"})
    void onlyAPlacedOrderChanges(OrderStatus status) {
        SalesOrder order = in(status);
        InvalidTransitionException refused =
                assertThrows(InvalidTransitionException.class, () -> order.requirePlaced("be changed"));
        assertEquals(
                "Order null is " + status.value() + " and cannot be changed; allowed: " + status.allowedTransitions(),
                refused.getMessage());
    }

    @Test
    void aNewOrderOwesNothing() {
        SalesOrder order =
                new SalesOrder(new Customer("A", "a@example.com", null, null), new BigDecimal("0.2"), 1, "ada");
        assertEquals(OrderStatus.PLACED, order.getStatus());
        assertEquals(new BigDecimal("0.00"), order.getSubtotal());
        assertEquals(new BigDecimal("0.00"), order.getTax());
        assertEquals(new BigDecimal("0.00"), order.getTotal());
        assertEquals(0, order.getUnits());
        assertEquals("ada", order.getCreatedBy());
    }

    @Test
    void theMoneyIsRoundedHalfUpToCentsLineByLineThenOnTheSubtotal() {
        SalesOrder order =
                new SalesOrder(new Customer("A", "a@example.com", null, null), new BigDecimal("0.0725"), 1, "ada");
        order.addLine(10, 3, new BigDecimal("0.125"));
        OrderLine line = order.getLines().get(0);
        assertEquals(new BigDecimal("0.13"), line.getUnitPrice(), "the price is kept in cents");
        assertEquals(new BigDecimal("0.39"), line.getLineTotal(), "3 × 0.13, not 3 × 0.125");
        order.addLine(11, 7, new BigDecimal("19.99"));
        assertEquals(
                List.of(1, 2),
                order.getLines().stream().map(OrderLine::getLineNo).toList());
        assertEquals(10, order.getUnits());
        assertEquals(new BigDecimal("140.32"), order.getSubtotal(), "0.39 + 139.93");
        assertEquals(new BigDecimal("10.17"), order.getTax(), "140.32 × 0.0725 = 10.1732");
        assertEquals(new BigDecimal("150.49"), order.getTotal());
        assertEquals(order.getSubtotal().add(order.getTax()), order.getTotal(), "total = subtotal + tax, to the cent");
    }

    @Test
    void halfACentOfTaxRoundsUp() {
        SalesOrder order =
                new SalesOrder(new Customer("A", "a@example.com", null, null), new BigDecimal("0.05"), 1, "ada");
        order.addLine(10, 1, new BigDecimal("0.10"));
        assertEquals(new BigDecimal("0.01"), order.getTax(), "0.10 × 0.05 = 0.005 → 0.01");
        assertEquals(new BigDecimal("0.11"), order.getTotal());
    }
}
