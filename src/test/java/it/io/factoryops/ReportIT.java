package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.assertProblem;
import static it.io.factoryops.support.Api.assertRefused;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static it.io.factoryops.support.JsonBody.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The managers' reports: each figure against a computation of its own over fixtures this test owns (a category
 * tree, a location, suppliers, a product and a customer of its own, filtered on or ranked to the top), the
 * period's default, bad parameters and roles.
 */
class ReportIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final String manager = Api.tokenFor("manager");
    private final String admin = Api.tokenFor("admin");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    // ---- inventory ----

    @Test
    void inventoryReportAddsUpTheCategorysParts() {
        long root = Fixtures.category("Report", null);
        long child = Fixtures.category("Sub", root);
        long location = Fixtures.location(null);
        long low = part(root, location, "2.50", 20, 0, 10);
        long empty = part(child, location, "4.00", 5, 12, 0);
        long plenty = part(child, null, "1.25", 0, 0, 100);
        moveOut(plenty, 30, "CONSUMPTION");

        JsonObject report = get("api/reports/inventory", "category", root, "slow_days", 1);
        assertEquals(YearMonth.from(today).atDay(1).toString(), report.getString("date_from"), "this month by default");
        assertEquals(YearMonth.from(today).atEndOfMonth().toString(), report.getString("date_to"));
        assertNotNull(report.getString("as_of"));
        assertEquals(root, report.getJsonNumber("category").longValue());

        // the independent computation: the parts list of the same subtree, summed here
        List<JsonObject> parts = list("api/inventory/items", "category", root);
        assertEquals(3, parts.size());
        long units = 0;
        BigDecimal value = money("0.00");
        for (JsonObject p : parts) {
            units += p.getInt("quantity");
            value = value.add(money(p, "unit_cost").multiply(BigDecimal.valueOf(p.getInt("quantity"))));
        }
        JsonObject totals = only(report, "totals");
        assertEquals(3, totals.getInt("parts"));
        assertEquals(units, totals.getJsonNumber("units").longValue());
        assertEquals(80, units, "10 + 0 + 70");
        assertEquals(value.setScale(2), money(totals, "stock_value"));
        assertEquals(money("112.50"), money(totals, "stock_value"), "10 × 2.50 + 70 × 1.25");
        assertEquals(1, totals.getInt("low_stock_parts"));
        assertEquals(1, totals.getInt("out_of_stock_parts"));
        assertEquals(0, totals.getInt("slow_movers"), "every part moved today");
        assertEquals(3, totals.getInt("movements"), "two receipts and a consumption this month");

        // per node, not rolled up
        Map<Long, JsonObject> byCategory = byId(report, "by_category", "category_id");
        assertEquals(2, byCategory.size());
        assertRow(byCategory.get(root), 1, 10, "25.00");
        assertRow(byCategory.get(child), 2, 70, "87.50");
        assertTrue(
                byCategory
                        .get(child)
                        .getString("category_path")
                        .startsWith(byCategory.get(root).getString("category_path") + " / "),
                "the path names the parent");
        Map<Long, JsonObject> byLocation = byId(report, "by_location", "location_id");
        assertRow(byLocation.get(location), 2, 10, "25.00");
        assertRow(byLocation.get(null), 1, 70, "87.50");

        JsonObject lowRow = only(report, "low_stock");
        assertEquals(low, lowRow.getJsonNumber("part_id").longValue());
        assertEquals(30, lowRow.getInt("suggested_quantity"), "no reorder quantity: twice the level (40) less the 10");
        assertEquals(money("75.00"), money(lowRow, "suggested_value"));
        JsonObject emptyRow = only(report, "out_of_stock");
        assertEquals(empty, emptyRow.getJsonNumber("part_id").longValue());
        assertEquals(12, emptyRow.getInt("suggested_quantity"), "the reorder quantity");
        assertEquals(0, report.getJsonArray("slow_movers").size());

        Map<String, JsonObject> reasons = new HashMap<>();
        report.getJsonArray("movements")
                .getValuesAs(JsonObject.class)
                .forEach(m -> reasons.put(m.getString("reason"), m));
        assertEquals(2, reasons.get("RECEIPT").getInt("movements"));
        assertEquals(110, reasons.get("RECEIPT").getInt("units_in"));
        assertEquals(1, reasons.get("CONSUMPTION").getInt("movements"));
        assertEquals(30, reasons.get("CONSUMPTION").getInt("units_out"));
        assertEquals(0, reasons.get("CONSUMPTION").getInt("units_in"));

        // the sub-tree, a location, a period without these movements
        assertEquals(
                2,
                only(get("api/reports/inventory", "category", child), "totals").getInt("parts"));
        JsonObject atLocation = only(get("api/reports/inventory", "category", root, "location", location), "totals");
        assertEquals(2, atLocation.getInt("parts"));
        assertEquals(money("25.00"), money(atLocation, "stock_value"));
        JsonObject past =
                get("api/reports/inventory", "category", root, "date_from", "2020-01-01", "date_to", "2020-01-31");
        assertEquals(0, past.getJsonArray("movements").size());
        assertEquals(money("112.50"), money(only(past, "totals"), "stock_value"), "the stock now, whatever the period");
        // limit bounds the lists, not the totals
        JsonObject limited = get("api/reports/inventory", "category", child, "limit", 1);
        assertEquals(1, only(limited, "totals").getInt("out_of_stock_parts"));
    }

    // ---- purchase orders ----

    @Test
    void purchaseOrderReportCountsTheSuppliersOrders() {
        long supplier = Fixtures.supplier();
        long part = Fixtures.part(0);
        String otherAdmin = Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token");
        long overdue = approved(supplier, "2020-01-10", part, 4, "2.50", otherAdmin);
        long draft = create(supplier, "2099-01-01", part, 2, "3.00");
        long rejected = create(supplier, null, part, 1, "7.25");
        post(manager, rejected, "submit", null);
        post(otherAdmin, rejected, "reject", object("reason", "Too dear"));
        long received = approved(supplier, "2099-01-01", part, 5, "1.10", otherAdmin);
        post(manager, received, "deliver", null);

        JsonObject report = get("api/reports/purchase-orders", "supplier", supplier);
        assertEquals(supplier, report.getJsonNumber("supplier").longValue());
        Map<String, BigDecimal> amounts = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        BigDecimal total = money("0.00");
        for (long id : List.of(overdue, draft, rejected, received)) {
            JsonObject po = po(id);
            amounts.merge(po.getString("status"), money(po, "total_amount"), BigDecimal::add);
            counts.merge(po.getString("status"), 1, Integer::sum);
            total = total.add(money(po, "total_amount"));
        }
        List<JsonObject> byStatus = report.getJsonArray("by_status").getValuesAs(JsonObject.class);
        assertEquals(7, byStatus.size(), "every status");
        for (JsonObject row : byStatus) {
            String status = row.getString("status");
            assertEquals(counts.getOrDefault(status, 0), row.getInt("purchase_orders"), status);
            assertEquals(amounts.getOrDefault(status, money("0.00")), money(row, "total_amount"), status);
        }
        assertEquals(1, counts.get("approved"));
        JsonObject bySupplier = only(report, "by_supplier");
        assertEquals(supplier, bySupplier.getJsonNumber("supplier_id").longValue());
        assertEquals(4, bySupplier.getInt("purchase_orders"));
        assertEquals(total, money(bySupplier, "total_amount"));
        assertEquals(money("28.75"), total, "10.00 + 6.00 + 7.25 + 5.50 (whatever the status)");

        JsonObject totals = only(report, "totals");
        assertEquals(4, totals.getInt("purchase_orders"));
        assertEquals(total, money(totals, "total_amount"));
        assertEquals(2, totals.getInt("approved"), "two approvals this month");
        BigDecimal hours = money(totals, "average_approval_hours");
        assertTrue(hours.signum() >= 0 && hours.compareTo(BigDecimal.ONE) < 0, "approved within the test: " + hours);
        assertEquals(1, totals.getInt("overdue"));
        JsonObject late = only(report, "overdue");
        assertEquals(overdue, late.getJsonNumber("purchase_order_id").longValue());
        assertEquals("approved", late.getString("status"));
        assertEquals("2020-01-10", late.getString("expected_date"));
        assertEquals(
                ChronoUnit.DAYS.between(LocalDate.of(2020, 1, 10), today),
                late.getJsonNumber("days_overdue").longValue());
        assertEquals(po(overdue).getString("po_number"), late.getString("po_number"));

        JsonObject before = get(
                "api/reports/purchase-orders",
                "supplier",
                supplier,
                "date_from",
                "2020-01-01",
                "date_to",
                "2020-12-31");
        assertEquals(0, only(before, "totals").getInt("purchase_orders"), "created this month, not in 2020");
        assertEquals(1, only(before, "totals").getInt("overdue"), "overdue now, whatever the period");
        assertEquals(0, before.getJsonArray("by_supplier").size());
    }

    // ---- suppliers ----

    @Test
    void supplierReportMeasuresSpendPunctualityAndLeadTime() {
        long supplier = Fixtures.supplier();
        long part = Fixtures.part(0);
        String otherAdmin = Api.login(Api.createUser("admin"), Api.PASSWORD).getString("access_token");
        long onTime = approved(supplier, "2099-01-01", part, 6, "3.00", otherAdmin);
        long late = approved(supplier, "2020-01-01", part, 4, "2.25", otherAdmin);
        post(manager, onTime, "deliver", null);
        post(manager, late, "deliver", null);
        long rejected = create(supplier, null, part, 1, "1.00");
        post(manager, rejected, "submit", null);
        post(otherAdmin, rejected, "reject", object("reason", "Not needed"));
        long partly = approved(supplier, "2099-01-01", part, 10, "1.00", otherAdmin);
        JsonObject line = po(partly).getJsonArray("lines").getJsonObject(0);
        post(
                manager,
                partly,
                "receive",
                object("lines", array(object("line_id", line.getJsonNumber("id"), "quantity", 3))));

        JsonObject report = get("api/reports/suppliers", "supplier", supplier);
        JsonObject row = only(report, "suppliers");
        assertEquals(supplier, row.getJsonNumber("supplier_id").longValue());
        assertEquals(7, row.getInt("lead_time_days"), "as the fixture promises");
        BigDecimal spend = money(po(onTime), "total_amount")
                .add(money(po(late), "total_amount"))
                .add(new BigDecimal("3.00"));
        assertEquals(spend, money(row, "spend"), "two whole receipts and 3 of the partial one at 1.00");
        assertEquals(money("30.00"), money(row, "spend"));
        assertEquals(2, row.getInt("purchase_orders_received"), "received whole");
        assertEquals(2, row.getInt("with_expected_date"));
        assertEquals(1, row.getInt("on_time"));
        assertEquals(
                0,
                new BigDecimal("0.5")
                        .compareTo(row.getJsonNumber("on_time_rate").bigDecimalValue()));
        BigDecimal leadTime = row.getJsonNumber("average_lead_time_days").bigDecimalValue();
        assertEquals(0, leadTime.compareTo(BigDecimal.ZERO), "approved and received within the test: " + leadTime);
        assertEquals(
                0,
                new BigDecimal("-7")
                        .compareTo(row.getJsonNumber("lead_time_variance_days").bigDecimalValue()));
        assertEquals(1, row.getInt("rejected_purchase_orders"));

        JsonObject nothing =
                get("api/reports/suppliers", "supplier", supplier, "date_from", "2020-01-01", "date_to", "2020-01-31");
        assertEquals(0, nothing.getJsonArray("suppliers").size(), "no activity then");
    }

    // ---- analytics ----

    @Test
    void analyticsReportRanksThisTestsProductAndCustomer() {
        long product = Fixtures.product("10.00", 5000, 0, "Report");
        long customer = Fixtures.customer();
        long employee = Fixtures.employee();
        try (Response r =
                as(Api.tokenFor("user"), "api/orders").post(json(Fixtures.orderBody(customer, product, 2900)))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(manager, "api/production")
                .post(json(object("employee_id", employee, "product_id", product, "quantity", 2800)))) {
            assertEquals(201, r.getStatus());
        }
        try (Response r = as(admin, "api/analytics/refresh").post(null)) {
            assertEquals(200, r.getStatus());
        }
        JsonObject report = get("api/reports/analytics", "date_from", today, "date_to", today, "limit", 100);
        assertEquals("day", report.getString("granularity"));
        assertNotNull(report.getString("as_of"), "as of the refresh");
        JsonObject top = find(report, "top_products", "product_id", product);
        assertEquals(2900, top.getInt("units_sold"));
        assertEquals(money("29000.00"), money(top, "revenue"), "before tax");
        JsonObject buyer = find(report, "top_customers", "customer_id", customer);
        assertEquals(1, buyer.getInt("orders"));
        assertEquals(money("31610.00"), money(buyer, "total_value"), "29,000.00 + 9 % tax");
        assertEquals(2800, find(report, "production", "product_id", product).getInt("units_produced"));

        // sales from the daily summary: the dashboard's metrics read the same days
        JsonObject metrics;
        try (Response r = as(manager, "api/dashboard/metrics", "date_from", today, "date_to", today)
                .get()) {
            assertEquals(200, r.getStatus());
            metrics = body(r);
        }
        JsonObject day = only(report, "sales");
        assertEquals(today.toString(), day.getString("period_start"));
        JsonObject totals = only(report, "totals");
        if (Objects.equals(metrics.getString("as_of"), report.getString("as_of"))) { // no refresh in between
            assertEquals(metrics.getInt("orders"), day.getInt("orders"));
            assertEquals(money(metrics, "revenue"), money(day, "revenue"));
            assertEquals(metrics.getInt("units_sold"), day.getInt("units"));
            assertEquals(metrics.getInt("units_produced"), totals.getInt("units_produced"));
        }
        assertEquals(day.getInt("orders"), totals.getInt("orders"));
        assertEquals(money(day, "revenue"), money(totals, "revenue"));

        // buckets: a month's days add up to its weeks and to the month
        String from = YearMonth.from(today).atDay(1).toString();
        String to = today.toString();
        JsonObject days = get("api/reports/analytics", "date_from", from, "date_to", to);
        JsonObject weeks = get("api/reports/analytics", "date_from", from, "date_to", to, "granularity", "week");
        JsonObject month = get("api/reports/analytics", "date_from", from, "date_to", to, "granularity", "month");
        if (Objects.equals(days.getString("as_of"), month.getString("as_of"))) {
            assertEquals(sum(days, "revenue"), sum(weeks, "revenue"));
            assertEquals(sum(days, "revenue"), sum(month, "revenue"));
            assertEquals(from, only(month, "sales").getString("period_start"));
            for (JsonObject w : weeks.getJsonArray("sales").getValuesAs(JsonObject.class)) {
                assertEquals(
                        java.time.DayOfWeek.MONDAY,
                        LocalDate.parse(w.getString("period_start")).getDayOfWeek());
            }
        }
    }

    // ---- bad input and roles ----

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        for (String path : List.of(
                "api/reports/inventory",
                "api/reports/purchase-orders",
                "api/reports/suppliers",
                "api/reports/analytics")) {
            assertBad(path, "date_from", "date_from", "2026-13-01");
            assertBad(path, "date_to", "date_to", "yesterday");
            assertBad(path, "date_from", "date_from", "2026-03-01", "date_to", "2026-02-28");
            assertBad(path, "date_to", "date_from", "2024-01-01", "date_to", "2025-01-01");
            assertBad(path, "limit", "limit", "0");
            assertBad(path, "limit", "limit", "1001");
        }
        // a leap year: 366 days is the most
        assertEquals(200, status("api/reports/inventory", "date_from", "2024-01-01", "date_to", "2024-12-31"));
        assertBad("api/reports/inventory", "slow_days", "slow_days", "0");
        assertBad("api/reports/inventory", "slow_days", "slow_days", "3651");
        assertBad("api/reports/inventory", "category", "category", "x");
        assertBad("api/reports/analytics", "granularity", "granularity", "year");
        assertBad("api/reports/analytics", "limit", "limit", "101");
        assertBad("api/reports/purchase-orders", "supplier", "supplier", "-1");
        assertRefused(
                as(manager, "api/reports/inventory", "category", 999_999_999).get(), 404, "NOT_FOUND");
        try (Response r =
                as(manager, "api/reports/suppliers", "supplier", 999_999_999).get()) {
            assertEquals(
                    "supplier",
                    assertProblem(r, 404, "NOT_FOUND")
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"));
        }
    }

    @Test
    void onlyManagersReadReports() {
        List<String> paths = List.of(
                "api/reports/inventory",
                "api/reports/purchase-orders",
                "api/reports/suppliers",
                "api/reports/analytics",
                "api/reports/runs");
        for (String path : paths) {
            for (String role : List.of("user", "customer", "mechanic")) {
                assertRefused(as(Api.tokenFor(role), path).get(), 403, "FORBIDDEN");
            }
            try (Response r = anonymous(path).get()) {
                assertEquals(401, r.getStatus(), path);
                assertNotNull(r.getHeaderString("WWW-Authenticate"));
            }
            for (String role : List.of("manager", "admin", "super_admin")) {
                try (Response r = as(Api.tokenFor(role), path).get()) {
                    assertEquals(200, r.getStatus(), role + " " + path);
                }
            }
        }
    }

    // ---- helpers ----

    private void assertBad(String path, String field, Object... query) {
        try (Response r = as(manager, path, query).get()) {
            JsonObject problem = assertProblem(r, 400, "INVALID_PARAMETER");
            assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), path);
        }
    }

    private int status(String path, Object... query) {
        try (Response r = as(manager, path, query).get()) {
            return r.getStatus();
        }
    }

    private JsonObject get(String path, Object... query) {
        try (Response r = as(manager, path, query).get()) {
            assertEquals(200, r.getStatus(), path);
            return body(r);
        }
    }

    private List<JsonObject> list(String path, Object... query) {
        List<Object> q = new ArrayList<>(List.of(query));
        q.addAll(List.of("per_page", 100));
        return get(path, q.toArray()).getJsonArray("data").getValuesAs(JsonObject.class);
    }

    private static JsonObject only(JsonObject report, String section) {
        List<JsonObject> rows = report.getJsonArray(section).getValuesAs(JsonObject.class);
        assertEquals(1, rows.size(), () -> section + ": " + rows);
        return rows.get(0);
    }

    private static JsonObject find(JsonObject report, String section, String key, long id) {
        return report.getJsonArray(section).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber(key).longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " " + id + " not in " + section + ": " + report));
    }

    private static Map<Long, JsonObject> byId(JsonObject report, String section, String key) {
        Map<Long, JsonObject> rows = new HashMap<>();
        for (JsonObject row : report.getJsonArray(section).getValuesAs(JsonObject.class)) {
            assertFalse(
                    row.containsKey(key) && row.get(key).getValueType() == JsonValue.ValueType.NULL,
                    "nulls are left out");
            rows.put(row.containsKey(key) ? row.getJsonNumber(key).longValue() : null, row);
        }
        return rows;
    }

    private static void assertRow(JsonObject row, int parts, long units, String value) {
        assertNotNull(row);
        assertEquals(parts, row.getInt("parts"), row::toString);
        assertEquals(units, row.getJsonNumber("units").longValue(), row::toString);
        assertEquals(money(value), money(row, "stock_value"), row::toString);
    }

    private static BigDecimal sum(JsonObject report, String field) {
        return report.getJsonArray("sales").getValuesAs(JsonObject.class).stream()
                .map(r -> money(r, field))
                .reduce(money("0.00"), BigDecimal::add);
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(2);
    }

    private static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue().setScale(2);
    }

    /** A part in this category and location with this cost, reorder level and quantity, and its stock. */
    private long part(long category, Long location, String unitCost, int reorderLevel, int reorderQuantity, int stock) {
        String sku = "REP-" + Api.RUN + "-" + SEQ.incrementAndGet();
        long id;
        try (Response r = as(manager, "api/inventory/items")
                .post(json(sparse(
                        "sku",
                        sku,
                        "name",
                        "Part " + sku,
                        "category_id",
                        category,
                        "location_id",
                        location,
                        "unit_cost",
                        new BigDecimal(unitCost),
                        "reorder_level",
                        reorderLevel,
                        "reorder_quantity",
                        reorderQuantity)))) {
            assertEquals(201, r.getStatus());
            id = body(r).getJsonNumber("id").longValue();
        }
        if (stock > 0) {
            try (Response r = as(manager, "api/inventory/items/" + id + "/add-stock")
                    .post(json(object("quantity", stock, "reason", "RECEIPT")))) {
                assertEquals(201, r.getStatus());
            }
        }
        return id;
    }

    private void moveOut(long part, int quantity, String reason) {
        try (Response r = as(manager, "api/inventory/items/" + part + "/remove-stock")
                .post(json(object("quantity", quantity, "reason", reason)))) {
            assertEquals(201, r.getStatus());
        }
    }

    private long create(long supplier, String expected, long part, int quantity, String unitCost) {
        try (Response r = as(manager, "api/purchase-orders")
                .post(json(sparse(
                        "supplier_id",
                        supplier,
                        "expected_date",
                        expected,
                        "lines",
                        array(object(
                                "item_id", part, "quantity", quantity, "unit_cost", new BigDecimal(unitCost))))))) {
            assertEquals(201, r.getStatus());
            return body(r).getJsonNumber("id").longValue();
        }
    }

    private long approved(long supplier, String expected, long part, int quantity, String unitCost, String approver) {
        long id = create(supplier, expected, part, quantity, unitCost);
        post(manager, id, "submit", null);
        post(approver, id, "approve", null);
        return id;
    }

    /** A transition; approve and reject send the If-Match of the order as it is now, as an approver reads it. */
    private void post(String token, long id, String verb, JsonObject body) {
        String etag =
                List.of("approve", "reject").contains(verb) ? "\"" + po(id).getJsonNumber("version") + "\"" : null;
        try (Response r = as(token, "api/purchase-orders/" + id + "/" + verb)
                .header("If-Match", etag)
                .post(body == null ? null : json(body))) {
            assertEquals(200, r.getStatus(), () -> verb + ": " + r.readEntity(String.class));
        }
    }

    private JsonObject po(long id) {
        return get("api/purchase-orders/" + id);
    }
}
