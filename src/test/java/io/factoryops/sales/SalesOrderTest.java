package io.factoryops.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.error.InvalidTransitionException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order's revision without a server: lines replaced and renumbered, money recomputed, only while placed. */
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
}
