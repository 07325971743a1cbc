package io.factoryops.analytics;

import io.factoryops.maintenance.ServiceTicketCompleted;
import io.factoryops.production.ProductionCounted;
import io.factoryops.sales.OrderCounted;
import io.factoryops.sales.OrderStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns sales, production and maintenance events into delta rows, inside the transaction that fired them: one
 * multi-row INSERT per event (nobody reads a delta's id back, so they need not go one by one through
 * the persistence context).
 */
@ApplicationScoped
public class AnalyticsDeltaRecorder {

    private static final String INSERT = "INSERT INTO analytics_deltas "
            + "(kind, key_id, delta_day, quantity, amount, count_delta, event_time) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    void onOrder(@Observes OrderCounted order) {
        int sign = order.sign();
        BigDecimal total = order.total().multiply(BigDecimal.valueOf(sign));
        List<AnalyticsDelta> deltas = new ArrayList<>();
        deltas.add(new AnalyticsDelta(
                AnalyticsDelta.Kind.CUSTOMER, order.customerId(), null, 0, total, sign, order.orderDate()));
        long units =
                order.lines().stream().mapToLong(OrderCounted.Line::quantity).sum();
        deltas.add(new AnalyticsDelta(
                AnalyticsDelta.Kind.SALES_DAY,
                0,
                LocalDate.ofInstant(order.orderDate(), ZoneOffset.UTC),
                sign * units,
                total,
                sign,
                order.orderDate()));
        for (OrderCounted.Line line : order.lines()) {
            deltas.add(new AnalyticsDelta(
                    AnalyticsDelta.Kind.PRODUCT_SOLD,
                    line.productId(),
                    null,
                    (long) sign * line.quantity(),
                    line.lineTotal().multiply(BigDecimal.valueOf(sign)),
                    sign,
                    order.orderDate()));
        }
        insert(deltas);
    }

    void onStatusChange(@Observes OrderStatusChanged change) {
        int open = change.openDelta();
        if (open != 0) {
            insert(List.of(new AnalyticsDelta(
                    AnalyticsDelta.Kind.OPEN_ORDERS, 0, null, 0, BigDecimal.ZERO, open, Instant.now())));
        }
    }

    void onProduction(@Observes ProductionCounted production) {
        int sign = production.sign();
        long quantity = (long) sign * production.quantity();
        Instant time = production.productionDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        insert(List.of(
                new AnalyticsDelta(
                        AnalyticsDelta.Kind.EMPLOYEE,
                        production.employeeId(),
                        production.productionDate(),
                        quantity,
                        BigDecimal.ZERO,
                        sign,
                        time),
                new AnalyticsDelta(
                        AnalyticsDelta.Kind.PRODUCT_PRODUCED,
                        production.productId(),
                        null,
                        quantity,
                        BigDecimal.ZERO,
                        sign,
                        time),
                new AnalyticsDelta(
                        AnalyticsDelta.Kind.DAILY,
                        production.productId(),
                        production.productionDate(),
                        quantity,
                        BigDecimal.ZERO,
                        sign,
                        time)));
    }

    /** A completed ticket, for each of its mechanics on its completion day (see {@link MechanicDailyFigure}). */
    void onTicketCompleted(@Observes ServiceTicketCompleted ticket) {
        LocalDate day = LocalDate.ofInstant(ticket.completedAt(), ZoneOffset.UTC);
        List<AnalyticsDelta> deltas = ticket.work().stream()
                .map(w -> new AnalyticsDelta(
                        AnalyticsDelta.Kind.MECHANIC_DAY,
                        w.mechanicId(),
                        day,
                        w.partsFitted(),
                        w.hours(),
                        1,
                        ticket.completedAt()))
                .toList();
        if (!deltas.isEmpty()) {
            insert(deltas);
        }
    }

    private void insert(List<AnalyticsDelta> deltas) {
        Query insert = em.createNativeQuery(INSERT + String.join(", ", Collections.nCopies(deltas.size(), ROW)));
        int p = 1;
        for (AnalyticsDelta d : deltas) {
            insert.setParameter(p++, d.kind().name());
            insert.setParameter(p++, d.keyId());
            insert.setParameter(p++, d.day() == null ? null : Date.valueOf(d.day()));
            insert.setParameter(p++, d.quantity());
            insert.setParameter(p++, d.amount());
            insert.setParameter(p++, d.countDelta());
            insert.setParameter(p++, Timestamp.from(d.eventTime()));
        }
        insert.executeUpdate();
    }
}
