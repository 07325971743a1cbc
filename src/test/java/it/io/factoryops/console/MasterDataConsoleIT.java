package it.io.factoryops.console;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static it.io.factoryops.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Fixtures;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Master data and production in the console: managers create suppliers and parts (with their pickers), edit
 * the category tree and bills of materials and record production; admins create and edit products,
 * customers and employees; problems show next to their fields; each role sees only the controls the API
 * allows it.
 */
class MasterDataConsoleIT extends BrowserTest {

    private static JsonObject read(String role, String path) {
        try (Response r = as(Api.tokenFor(role), path).get()) {
            assertEquals(200, r.getStatus(), path);
            return body(r);
        }
    }

    private void submit(String form) {
        browser.click("main form[data-form=" + form + "] button[type=submit]");
    }

    private long idInAddress() {
        String url = browser.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void aManagerCreatesASupplierAndAPartWithItsPickersAndFindsThemInTheLists() {
        long category = Fixtures.category("Seals", null);
        String categoryName =
                read("user", "api/inventory/categories/" + category).getString("name");
        long location = Fixtures.location(null);
        String locationCode =
                read("user", "api/inventory/locations/" + location).getString("code");
        String code = "SUP-UI-" + Api.RUN.toUpperCase();
        String sku = "PART-UI-" + Api.RUN;

        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        browser.open("/app/master-data");
        browser.awaitHeading("Master data");
        browser.assertAccessible("master-data-manager");
        browser.click("main a[href='/app/suppliers']");
        browser.awaitHeading("Suppliers");
        browser.click("main a[data-action=new]");
        browser.awaitHeading("New supplier");
        browser.type("input[name=name]", "Seal Works " + Api.RUN);
        browser.type("input[name=code]", code);
        browser.type("input[name=lead_time_days]", "12");
        browser.type("input[name=email]", "orders@sealworks.example");
        browser.assertAccessible("supplier-new");
        submit("create");
        browser.awaitHeading("Seal Works " + Api.RUN);
        long supplier = idInAddress();
        browser.assertAccessible("supplier");
        assertEquals(12, read("manager", "api/suppliers/" + supplier).getInt("lead_time_days"));
        browser.open("/app/suppliers?q=" + code);
        browser.awaitHeading("Suppliers");
        assertEquals(
                "Seal Works " + Api.RUN,
                browser.await("main tbody a[href='/app/suppliers/" + supplier + "']")
                        .getText());
        browser.assertAccessible("suppliers");

        browser.open("/app/parts");
        browser.awaitHeading("Parts");
        browser.click("main a[data-action=new]");
        browser.awaitHeading("New part");
        browser.type("input[name=sku]", sku);
        browser.type("input[name=name]", "Shaft seal " + Api.RUN);
        browser.type("input[name=unit_cost]", "2.35");
        browser.type("input[name=reorder_level]", "20");
        browser.type("input[name=reorder_quantity]", "100");
        browser.pick("category_id", categoryName, categoryName);
        browser.pick("location_id", locationCode, locationCode);
        browser.pick("preferred_supplier_id", code, code);
        browser.assertAccessible("part-new");
        submit("create");
        browser.awaitHeading("Shaft seal " + Api.RUN);
        long part = idInAddress();
        assertEquals(categoryName, browser.await("[data-figure=category]").getText());
        assertTrue(browser.await("[data-figure=location]").getText().contains(locationCode));
        assertTrue(browser.await("[data-figure=supplier]").getText().contains(code));
        browser.assertAccessible("part-manager");
        JsonObject created = read("manager", "api/inventory/items/" + part);
        assertEquals(category, created.getJsonNumber("category_id").longValue());
        assertEquals(location, created.getJsonNumber("location_id").longValue());
        assertEquals(supplier, created.getJsonNumber("preferred_supplier_id").longValue());
        assertEquals(20, created.getInt("reorder_level"));
        assertEquals(100, created.getInt("reorder_quantity"));
        browser.open("/app/parts?q=" + sku);
        browser.awaitHeading("Parts");
        assertEquals(sku, browser.await("main tbody td").getText());

        // editing keeps the choices: the pickers show the part's category, location and supplier
        browser.open("/app/parts/" + part);
        browser.awaitHeading("Shaft seal " + Api.RUN);
        browser.click("main a[data-action=edit]");
        browser.awaitHeading("Edit Shaft seal " + Api.RUN);
        assertEquals(
                String.valueOf(category),
                browser.await("select[name=category_id]").getAttribute("value"));
        assertEquals(
                String.valueOf(supplier),
                browser.await("select[name=preferred_supplier_id]").getAttribute("value"));
        browser.type("input[name=reorder_level]", "25");
        browser.assertAccessible("part-edit");
        submit("edit");
        browser.awaitHeading("Shaft seal " + Api.RUN);
        assertEquals(25, read("manager", "api/inventory/items/" + part).getInt("reorder_level"));
        assertEquals(
                supplier,
                read("manager", "api/inventory/items/" + part)
                        .getJsonNumber("preferred_supplier_id")
                        .longValue());
    }

    @Test
    void problemsAreShownNextToTheirFieldsAndAStaleEditIsExplained() {
        long existing = Fixtures.part(0);
        String takenSku = read("user", "api/inventory/items/" + existing).getString("sku");
        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        browser.open("/app/parts/new");
        browser.awaitHeading("New part");
        browser.type("input[name=sku]", takenSku);
        browser.type("input[name=unit_cost]", "1.00");
        submit("create");
        // blank name: 400 with the field named
        WebElement error = browser.await("input[name=name] + .field-error");
        assertTrue(!error.getText().isBlank());
        assertEquals("true", browser.await("input[name=name]").getAttribute("aria-invalid"));
        browser.assertAccessible("part-new-400");
        // a taken SKU: 409 ALREADY_EXISTS, next to the SKU
        browser.type("input[name=name]", "Duplicate " + Api.RUN);
        submit("create");
        assertEquals(
                "already in use",
                browser.await("input[name=sku] + .field-error").getText());
        assertTrue(browser.all("input[name=name] + .field-error").isEmpty(), "the old problem is gone");
        browser.assertAccessible("part-new-409");

        // someone else saves the supplier between reading and saving it: 412, explained
        long supplier = Fixtures.supplier();
        browser.open("/app/suppliers/" + supplier);
        browser.awaitHeading("Supplier ");
        JsonObject current = read("manager", "api/suppliers/" + supplier);
        try (Response r = as(Api.tokenFor("manager"), "api/suppliers/" + supplier)
                .header("If-Match", "\"" + current.getJsonNumber("version").longValue() + "\"")
                .put(json("{\"name\":\"" + current.getString("name") + "\",\"code\":\"" + current.getString("code")
                        + "\",\"contact\":\"Someone else\"}"))) {
            assertEquals(200, r.getStatus());
        }
        browser.type("form[data-form=edit] input[name=contact]", "Me");
        submit("edit");
        assertTrue(browser.await("form[data-form=edit] .form-error").getText().contains("Reload"));
        browser.assertAccessible("supplier-412");
        assertEquals(
                "Someone else", read("manager", "api/suppliers/" + supplier).getString("contact"));
    }

    @Test
    void aManagerGivesAProductABillOfMaterialsAndRecordsItsProduction() {
        long product = Fixtures.product("10.00", 0);
        String productSku = Fixtures.productView(product).getString("sku");
        long part = Fixtures.part(50);
        String partSku = read("user", "api/inventory/items/" + part).getString("sku");
        long employee = Fixtures.employee();
        String employeeEmail = read("manager", "api/employees/" + employee).getString("email");

        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        browser.open("/app/products/" + product);
        browser.awaitHeading("Product " + productSku);
        assertTrue(browser.await("form[data-form=bom]").getText().contains("No bill of materials"));
        browser.pick("part_id", partSku, partSku);
        browser.type("input[name=new_quantity]", "3");
        browser.click("#bom-add");
        browser.await("form[data-form=bom] tr[data-part='" + part + "']");
        submit("bom");
        browser.wait.until(d ->
                browser.all("form[data-form=bom] tr[data-part='" + part + "']").size() == 1
                        && browser.all("form[data-form=bom] .empty").isEmpty()
                        && browser.all("main[aria-busy]").isEmpty()
                        && read("user", "api/products/" + product + "/bom")
                                        .getJsonArray("lines")
                                        .size()
                                == 1);
        browser.assertAccessible("product-bom");
        assertEquals(
                3,
                read("user", "api/products/" + product + "/bom")
                        .getJsonArray("lines")
                        .getJsonObject(0)
                        .getInt("quantity"));

        browser.open("/app/production");
        browser.awaitHeading("Production");
        browser.click("main a[href='/app/production/new']");
        browser.awaitHeading("Record production");
        browser.pick("employee_id", employeeEmail, employeeEmail);
        browser.pick("product_id", productSku, productSku);
        browser.type("input[name=quantity]", "4");
        browser.assertAccessible("production-new");
        submit("create");
        browser.awaitHeading("Production record #");
        long record = idInAddress();
        assertEquals("+4", browser.await("[data-produced='" + product + "']").getText());
        assertEquals("4", browser.await("[data-figure=stock_quantity]").getText());
        assertEquals("-12", browser.await("[data-consumed='" + part + "']").getText());
        browser.assertAccessible("production-record");
        assertEquals(4, Fixtures.stockOf(product));
        assertEquals(38, Fixtures.partQuantity(part));

        assertTrue(browser.all("main form, main button[data-action=delete]").isEmpty(), "admins correct records");

        browser.open("/app/production?product_id=" + product);
        browser.awaitHeading("Production");
        browser.await("main tbody a[href='/app/production/" + record + "']");
        browser.assertAccessible("production");

        // an admin corrects the record: the difference moves, parts included
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/production/" + record);
        browser.awaitHeading("Production record #" + record);
        assertEquals(
                String.valueOf(employee),
                browser.await("form[data-form=edit] select[name=employee_id]").getAttribute("value"));
        browser.type("form[data-form=edit] input[name=quantity]", "5");
        browser.assertAccessible("production-record-admin");
        submit("edit");
        browser.wait.until(
                d -> browser.await("[data-figure=stock_quantity]").getText().equals("5"));
        assertEquals(5, Fixtures.stockOf(product));
        assertEquals(35, Fixtures.partQuantity(part));
    }

    @Test
    void anAdminCreatesAndEditsAProductACustomerAndAnEmployee() {
        String sku = "PRD-UI-" + Api.RUN;
        browser.signIn(Api.createUser("admin"), Api.PASSWORD);
        browser.open("/app/products");
        browser.awaitHeading("Products");
        browser.click("main a[data-action=new]");
        browser.awaitHeading("New product");
        browser.type("input[name=sku]", sku);
        browser.type("input[name=name]", "Gearbox " + Api.RUN);
        browser.type("input[name=price]", "249.90");
        browser.type("input[name=stock_quantity]", "7");
        browser.type("input[name=category]", "Drives");
        browser.assertAccessible("product-new");
        submit("create");
        browser.awaitHeading("Gearbox " + Api.RUN);
        long product = idInAddress();
        assertEquals("7", browser.await("[data-figure=stock_quantity]").getText());
        browser.assertAccessible("product-admin");
        browser.click("main a[data-action=edit]");
        browser.awaitHeading("Edit Gearbox " + Api.RUN);
        browser.type("input[name=name]", "Gearbox II " + Api.RUN);
        browser.type("input[name=price]", "259.90");
        browser.assertAccessible("product-edit");
        submit("edit");
        browser.awaitHeading("Gearbox II " + Api.RUN);
        JsonObject p = Fixtures.productView(product);
        assertEquals(
                "259.90", p.getJsonNumber("price").bigDecimalValue().setScale(2).toPlainString());
        assertEquals(7, p.getInt("stock_quantity"));

        String email = Api.uniqueEmail("ui-customer");
        browser.open("/app/customers");
        browser.awaitHeading("Customers");
        browser.click("main a[data-action=new]");
        browser.awaitHeading("New customer");
        browser.type("input[name=name]", "Acme " + Api.RUN);
        browser.type("input[name=email]", email);
        browser.assertAccessible("customer-new");
        submit("create");
        browser.awaitHeading("Acme " + Api.RUN);
        long customer = idInAddress();
        browser.type("form[data-form=edit] input[name=phone]", "+44 20 7946 0958");
        browser.type("form[data-form=edit] textarea[name=address]", "12 Mill Lane, Leeds");
        submit("edit");
        browser.wait.until(d -> browser.await("main dl.facts").getText().contains("12 Mill Lane, Leeds"));
        browser.assertAccessible("customer-admin");
        assertEquals(
                "+44 20 7946 0958", read("user", "api/customers/" + customer).getString("phone"));

        String employeeEmail = Api.uniqueEmail("ui-employee");
        browser.open("/app/employees/new");
        browser.awaitHeading("New employee");
        browser.type("input[name=name]", "Maria " + Api.RUN);
        browser.type("input[name=email]", employeeEmail);
        browser.type("input[name=position]", "Machine operator");
        submit("create");
        browser.awaitHeading("Maria " + Api.RUN);
        long employee = idInAddress();
        browser.type("form[data-form=edit] input[name=department]", "Assembly");
        browser.click("form[data-form=edit] input[name=active]");
        submit("edit");
        browser.wait.until(
                d -> browser.await("main .page-head .badge").getText().equals("inactive"));
        browser.assertAccessible("employee-admin");
        JsonObject e = read("manager", "api/employees/" + employee);
        assertEquals("Assembly", e.getString("department"));
        assertEquals("Machine operator", e.getString("position"));
        assertEquals(false, e.getBoolean("active"));
        browser.open("/app/employees?q=" + employeeEmail);
        browser.awaitHeading("Employees");
        browser.await("main tbody a[href='/app/employees/" + employee + "']");
        browser.assertAccessible("employees");
    }

    @Test
    void aManagerRenamesMovesAddsAndDeletesCategories() {
        long root = Fixtures.category("Hydraulics", null);
        String rootName = read("user", "api/inventory/categories/" + root).getString("name");
        long child = Fixtures.category("Seals", root);
        long other = Fixtures.category("Pneumatics", null);
        String otherName = read("user", "api/inventory/categories/" + other).getString("name");

        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        browser.open("/app/categories");
        browser.awaitHeading("Part categories");
        browser.await("li[data-node='" + root + "'] li[data-node='" + child + "']");
        browser.assertAccessible("categories");
        browser.click("li[data-node='" + child + "'] > a");
        browser.awaitHeading("Seals");
        assertTrue(browser.await("main dl.facts").getText().contains(rootName));
        browser.type("form[data-form=edit] input[name=name]", "Gaskets");
        browser.pick("parent_id", otherName, otherName);
        browser.assertAccessible("category");
        submit("edit");
        browser.awaitHeading("Gaskets");
        JsonObject moved = read("user", "api/inventory/categories/" + child);
        assertEquals(other, moved.getJsonNumber("parent_id").longValue());
        assertEquals(otherName + " / Gaskets", moved.getString("path"));

        browser.type("form[data-form=child] input[name=name]", "O-rings");
        submit("child");
        browser.awaitHeading("O-rings");
        long ring = idInAddress();
        assertEquals(
                child,
                read("user", "api/inventory/categories/" + ring)
                        .getJsonNumber("parent_id")
                        .longValue());
        browser.open("/app/categories/" + child);
        browser.awaitHeading("Gaskets");
        // a category with a sub-category is still referenced: 409, said next to the button
        browser.click("button[data-action=delete]");
        browser.wait.until(d -> !browser.await("main .action-error").getText().isBlank());
        browser.open("/app/categories/" + ring);
        browser.awaitHeading("O-rings");
        browser.click("button[data-action=delete]");
        browser.awaitHeading("Part categories");
        try (Response r =
                as(Api.tokenFor("user"), "api/inventory/categories/" + ring).get()) {
            assertEquals(404, r.getStatus());
        }

        // the locations' tree is the same screen
        long warehouse = Fixtures.location(null);
        browser.open("/app/locations/" + warehouse);
        browser.awaitHeading("LOC-");
        String bin = "BIN-" + Api.RUN.toUpperCase();
        browser.type("form[data-form=child] input[name=code]", bin);
        browser.type("form[data-form=child] input[name=name]", "Bin 1");
        submit("child");
        browser.awaitHeading(bin + " — Bin 1");
        browser.assertAccessible("location");
    }

    @Test
    void eachRoleSeesOnlyTheControlsTheApiAllowsIt() {
        long product = Fixtures.product("3.00", 1);
        long customer = Fixtures.customer();
        long employee = Fixtures.employee();
        browser.signIn(Api.createUser("manager"), Api.PASSWORD);
        browser.open("/app/products");
        browser.awaitHeading("Products");
        assertTrue(browser.all("main a[data-action=new]").isEmpty(), "products are created by admins");
        browser.open("/app/products/" + product);
        browser.awaitHeading("Product ");
        assertTrue(browser.all("main a[data-action=edit], main button[data-action=delete]")
                .isEmpty());
        browser.await("form[data-form=bom]"); // managers edit bills of materials
        browser.open("/app/products/new");
        browser.awaitHeading("Not available");
        browser.open("/app/customers/" + customer);
        browser.awaitHeading("Customer ");
        assertTrue(
                browser.all("main form, main button[data-action=delete]").isEmpty(), "customers are edited by admins");
        browser.assertAccessible("customer-manager");
        browser.open("/app/employees/" + employee);
        browser.awaitHeading("Maker ");
        assertTrue(
                browser.all("main form, main button[data-action=delete]").isEmpty(), "employees are edited by admins");
        browser.open("/app/employees");
        browser.awaitHeading("Employees");
        assertTrue(browser.all("main a[data-action=new]").isEmpty());
        browser.open("/app/mechanics");
        browser.awaitHeading("Mechanics");
        browser.await("main a[data-action=new]"); // managers write mechanics
        browser.assertAccessible("mechanics");

        browser.signIn(Api.createUser("user"), Api.PASSWORD);
        browser.open("/app/master-data");
        browser.awaitHeading("Master data");
        List<String> offered =
                browser.all("main ul.hub a").stream().map(WebElement::getText).toList();
        assertEquals(List.of("Products", "Parts", "Part categories", "Stock locations", "Customers"), offered);
        browser.assertAccessible("master-data-user");
        browser.open("/app/categories");
        browser.awaitHeading("Part categories");
        assertTrue(browser.all("main form[data-form=create]").isEmpty(), "staff read the tree");
        browser.open("/app/suppliers");
        browser.awaitHeading("Not available");
        browser.open("/app/production");
        browser.awaitHeading("Not available");
    }
}
