package io.factoryops.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.inventory.PartRequest;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartStockRequest;
import io.factoryops.maintenance.LabourRequest;
import io.factoryops.maintenance.MechanicRequest;
import io.factoryops.maintenance.MechanicResponse;
import io.factoryops.maintenance.MechanicService;
import io.factoryops.maintenance.MechanicsEditRequest;
import io.factoryops.maintenance.ServiceTicketRequest;
import io.factoryops.maintenance.ServiceTicketResponse;
import io.factoryops.maintenance.ServiceTicketService;
import io.factoryops.maintenance.TicketLifecycleService;
import io.factoryops.maintenance.TicketPartRequest;
import io.factoryops.maintenance.TicketWorkService;
import io.factoryops.sales.CustomerRequest;
import io.factoryops.sales.CustomerService;
import it.io.factoryops.support.TestDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: a random history of service tickets (mechanics added and removed, labour, parts fitted by
 * mechanics and by a manager, some given back, tickets completed, cancelled or left open), then the ranking
 * of {@code GET /api/mechanics/top} after an incremental refresh, after a full rebuild and after an incremental
 * refresh on top of it must equal the same ranking computed straight from the tickets, one row per ticket and
 * mechanic (an independent query: not the summary's day cells).
 */
@ExtendWith(ArquillianExtension.class)
class TopMechanicsRefreshIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-mechanics-test.war").addClass(TopMechanicsRefreshIT.class);
    }

    @Inject
    AnalyticsRefresher refresher;

    @Inject
    AnalyticsService analytics;

    @Inject
    MechanicService mechanics;

    @Inject
    ServiceTicketService tickets;

    @Inject
    TicketLifecycleService lifecycle;

    @Inject
    TicketWorkService work;

    @Inject
    CustomerService customers;

    @Inject
    PartService parts;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    private final Random random = new Random(12);
    private final Caller manager = new Caller(1, "admin", Role.SUPER_ADMIN);

    @Test
    void theRankingEqualsTheTicketsAfterIncrementalAndFullRefreshes() throws Exception {
        refresher.refresh();
        generate(40);
        refresher.refresh();
        assertRankingMatchesTickets("after an incremental refresh");

        refresher.rebuild();
        assertRankingMatchesTickets("after a full rebuild");

        generate(20);
        refresher.refresh();
        assertRankingMatchesTickets("after an incremental refresh on top of a rebuild");
    }

    private void generate(int count) {
        String run = Long.toString(System.nanoTime(), 36);
        List<MechanicResponse> crew = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crew.add(mechanics.create(new MechanicRequest(
                    "Ranked " + i,
                    "rk-" + run + "-" + i + "@it.example",
                    "rk-" + run + "-" + i,
                    "Sturdy-Passw0rd-42",
                    null)));
        }
        long customer = customers
                .create(new CustomerRequest("Ranked customer", "rkc-" + run + "@it.example", null, null))
                .id();
        List<Long> partIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long part = parts.create(new PartRequest(
                            "RK-" + run + "-" + i,
                            "Ranked part " + i,
                            null,
                            null,
                            null,
                            null,
                            new BigDecimal("2.50"),
                            0,
                            0,
                            null,
                            null,
                            null))
                    .id();
            parts.addStock(part, new PartStockRequest(100_000, "RECEIPT", null));
            partIds.add(part);
        }
        for (int i = 0; i < count; i++) {
            long id = tickets.create(
                            manager,
                            new ServiceTicketRequest(
                                    customer, "Ranked ticket " + i, null, null, null, null, null, null, null))
                    .id();
            List<MechanicResponse> on = new ArrayList<>();
            for (MechanicResponse m : crew) {
                if (random.nextInt(3) == 0 || on.isEmpty() && m == crew.get(crew.size() - 1)) {
                    on.add(m);
                }
            }
            work.editMechanics(
                    manager,
                    id,
                    new MechanicsEditRequest(
                            on.stream().map(MechanicResponse::id).toList(), List.of()));
            List<MechanicResponse> withoutHours = new ArrayList<>();
            for (MechanicResponse m : on) {
                Caller self = new Caller(m.userId(), m.username(), Role.MECHANIC);
                if (random.nextBoolean()) {
                    work.recordLabour(
                            self,
                            id,
                            new LabourRequest(null, new BigDecimal(1 + random.nextInt(800)).movePointLeft(2)));
                } else {
                    withoutHours.add(m);
                }
                if (random.nextInt(3) > 0) {
                    ServiceTicketResponse fitted = work.fitPart(
                            self,
                            id,
                            new TicketPartRequest(partIds.get(random.nextInt(partIds.size())), 1 + random.nextInt(5)));
                    if (random.nextInt(5) == 0) {
                        work.returnPart(
                                self,
                                id,
                                fitted.parts().get(fitted.parts().size() - 1).id(),
                                null);
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                work.fitPart(manager, id, new TicketPartRequest(partIds.get(0), 2)); // counts for no mechanic
            }
            if (on.size() > 1 && !withoutHours.isEmpty() && random.nextInt(4) == 0) {
                // removed before completion (only without recorded labour): the ticket no longer counts for them
                work.editMechanics(
                        manager,
                        id,
                        new MechanicsEditRequest(
                                List.of(), List.of(withoutHours.get(0).id())));
            }
            int fate = random.nextInt(10);
            if (fate < 6) {
                lifecycle.start(manager, id);
                lifecycle.complete(manager, id);
            } else if (fate < 8) {
                lifecycle.cancel(manager, id);
            } else if (fate == 8) {
                lifecycle.start(manager, id);
            }
        }
    }

    private void assertRankingMatchesTickets(String when) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> expected = new ArrayList<>();
        record Row(long mechanicId, long tickets, BigDecimal hours, long parts) {}
        List<Row> rows = new ArrayList<>();
        // one row per completed ticket and mechanic on it, with the units that mechanic fitted and kept on it
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "SELECT x.mechanic_id, COUNT(*), SUM(x.hours), SUM(x.parts) FROM (SELECT a.mechanic_id, a.hours, "
                                + "(SELECT COALESCE(SUM(l.quantity), 0) FROM service_ticket_parts l WHERE l.ticket_id = t.id "
                                + "AND l.returned_at IS NULL AND l.fitted_by = (SELECT m.username FROM mechanics m "
                                + "WHERE m.id = a.mechanic_id)) parts "
                                + "FROM service_tickets t JOIN service_ticket_mechanics a ON a.ticket_id = t.id "
                                + "WHERE t.status = 'COMPLETED' AND t.completed_at >= ? AND t.completed_at < ?) x "
                                + "GROUP BY x.mechanic_id")) {
            p.setTimestamp(1, Timestamp.from(today.atStartOfDay(ZoneOffset.UTC).toInstant()));
            p.setTimestamp(
                    2,
                    Timestamp.from(
                            today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)));
                }
            }
        }
        rows.sort(Comparator.comparingLong(Row::tickets)
                .thenComparing(Row::hours)
                .thenComparingLong(Row::parts)
                .thenComparingLong(Row::mechanicId)
                .reversed());
        rows.stream()
                .limit(100)
                .forEach(r -> expected.add(r.mechanicId() + ": " + r.tickets() + " tickets, "
                        + r.hours().stripTrailingZeros().toPlainString() + " h, " + r.parts() + " parts"));
        assertFalse(expected.isEmpty(), when + ": no completed ticket generated");
        assertTrue(rows.stream().anyMatch(r -> r.parts() > 0), when + ": no part fitted by a mechanic");

        List<String> actual = analytics.topMechanics(today, today, 100).stream()
                .map(m -> m.mechanicId() + ": " + m.ticketsWorked() + " tickets, "
                        + m.labourHours().stripTrailingZeros().toPlainString() + " h, " + m.partsFitted() + " parts")
                .toList();
        assertEquals(expected, actual, when);
        assertEquals(
                List.of(),
                analytics.topMechanics(today.plusDays(1), today.plusDays(30), 100),
                when + ": nothing completed in the future");
    }
}
