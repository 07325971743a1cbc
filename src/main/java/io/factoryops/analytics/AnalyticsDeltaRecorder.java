package io.factoryops.analytics;

import io.factoryops.production.ProductionCounted;
import io.factoryops.sales.OrderCounted;
import io.factoryops.sales.OrderStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Turns sales and production events into delta rows, inside the transaction that fired them. */
@ApplicationScoped
public class AnalyticsDeltaRecorder {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    void onOrder(@Observes OrderCounted order) {
        int sign = order.sign();
        em.persist(new AnalyticsDelta(AnalyticsDelta.Kind.CUSTOMER, order.customerId(), null, 0,
                order.total().multiply(BigDecimal.valueOf(sign)), sign, order.orderDate()));
        long units = order.lines().stream().mapToLong(OrderCounted.Line::quantity).sum();
        em.persist(new AnalyticsDelta(AnalyticsDelta.Kind.SALES_DAY, 0, LocalDate.ofInstant(order.orderDate(),
                ZoneOffset.UTC), sign * units, order.total().multiply(BigDecimal.valueOf(sign)), sign,
                order.orderDate()));
        for (OrderCounted.Line line : order.lines()) {
            em.persist(new AnalyticsDelta(AnalyticsDelta.Kind.PRODUCT_SOLD, line.productId(), null,
                    (long) sign * line.quantity(), line.lineTotal().multiply(BigDecimal.valueOf(sign)), sign,
                    order.orderDate()));
        }
    }

    void onStatusChange(@Observes OrderStatusChanged change) {
        int open = change.openDelta();
        if (open != 0) {
            em.persist(new AnalyticsDelta(AnalyticsDelta.Kind.OPEN_ORDERS, 0, null, 0, BigDecimal.ZERO, open,
                    Instant.now()));
        }
    }

    void onProduction(@Observes ProductionCounted production) {
        int sign = production.sign();
        long quantity = (long) sign * production.quantity();
        var time = production.productionDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        em.persist(new AnalyticsDelta(AnalyticsDelta.Kind.EMPLOYEE, production.employeeId(),
                production.productionDate(), quantity, BigDecimal.ZERO, sign, time));
        em.persist(new AnalyticsDelta(AnalyticsDelta.Kind.PRODUCT_PRODUCED, production.productId(), null, quantity,
                BigDecimal.ZERO, sign, time));
        em.persist(new AnalyticsDelta(AnalyticsDelta.Kind.DAILY, production.productId(),
                production.productionDate(), quantity, BigDecimal.ZERO, sign, time));
    }
}
