package it.io.factoryops.support;

import static it.io.factoryops.support.PostmanStep.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The order in which the Postman collection calls the API, so that {@code newman run} passes every request on a
 * server that other clients use too (NewmanIT: the test server of {@code mvn verify}; or a fresh
 * {@code mvn liberty:run}). The run signs in with {@code username}/{@code password} only to create accounts of its
 * own (an admin it works as, an admin who approves, a mechanic, a customer), so that its password change and
 * logout touch nobody else; everything it creates carries the run's tag {@code {{run}}} where a value must be unique;
 * each path variable comes from an earlier answer; a deletion gets an object created for it; signing out comes last.
 * Every operation of the document has at least one request here: {@link PostmanCollection} refuses a document with
 * an operation the run does not call.
 */
final class PostmanRun {

    /** A folder of the collection: requests that newman sends in this order. */
    record Folder(String name, String description, List<PostmanStep> steps) {}

    static final String RUN_ACCOUNT_PASSWORD = "Newman-Run-Passw0rd-2026";
    /** The variables that the first request's pre-request script sets. */
    static final List<String> SET_FIRST = List.of("run", "today", "last_month");

    private static final String TEXT = "\"%s\"";

    private PostmanRun() {}

    private static String text(String value) {
        return TEXT.formatted(value);
    }

    private static String variable(String name) {
        return "{{" + name + "}}";
    }

    /** An account of the run: username and address tagged with the run, the run's password. */
    private static PostmanStep account(String operationId, String who, String role) {
        return call(operationId)
                .as("admin_token")
                .with(
                        "username", text("newman." + who + ".{{run}}"),
                        "email", text("newman." + who + ".{{run}}@run.example"),
                        "password", text("{{run_password}}"),
                        "full_name", text("Newman " + who),
                        "role", text(role))
                .without("employee_id");
    }

    private static PostmanStep login(String operationId, String who, String tokenVariable) {
        return call(operationId)
                .named("Sign in as the run's " + who)
                .anonymously()
                .rawBody("{\n  \"username\": \"newman." + who + ".{{run}}\",\n  \"password\": \"{{run_password}}\"\n}")
                .keep(tokenVariable, "body.access_token");
    }

    private static PostmanStep employee(String operationId, String who) {
        return call(operationId)
                .with(
                        "name", text("Newman " + who),
                        "email", text("newman." + who + ".{{run}}@plant.example"),
                        "hire_date", text("{{today}}"));
    }

    private static PostmanStep customer(String operationId, String who) {
        return call(operationId)
                .with(
                        "name", text("Newman " + who + " {{run}}"),
                        "email", text("newman." + who + ".{{run}}@customer.example"));
    }

    private static PostmanStep product(String operationId, String sku) {
        return call(operationId).with("sku", text(sku + "-{{run}}"), "name", text("Newman " + sku + " {{run}}"));
    }

    private static PostmanStep category(String operationId, String name) {
        return call(operationId)
                .with("name", text("Newman " + name + " {{run}}"))
                .without("parent_id");
    }

    private static PostmanStep location(String operationId, String code) {
        return call(operationId)
                .with("code", text(code + "-{{run}}"), "name", text("Newman " + code))
                .without("parent_id");
    }

    private static PostmanStep supplier(String operationId, String code) {
        return call(operationId).with("code", text(code + "-{{run}}"), "name", text("Newman " + code + " {{run}}"));
    }

    private static PostmanStep part(String operationId, String sku) {
        return call(operationId)
                .with(
                        "sku", text(sku + "-{{run}}"),
                        "name", text("Newman " + sku),
                        "category_id", variable("category_id"),
                        "location_id", variable("location_id"),
                        "preferred_supplier_id", variable("supplier_id"));
    }

    /** A JSON array of one object of these members and raw values, indented as a body member's value. */
    private static String oneLine(String... memberAndRawValue) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < memberAndRawValue.length; i += 2) {
            members.add("      \"" + memberAndRawValue[i] + "\": " + memberAndRawValue[i + 1]);
        }
        return "[\n    {\n" + String.join(",\n", members) + "\n    }\n  ]";
    }

    private static PostmanStep order(String operationId) {
        return call(operationId)
                .with("customer_id", variable("customer_id"))
                .with("lines", oneLine("product_id", "{{product_id}}", "quantity", "1"));
    }

    /** A purchase order of the run's supplier: ten of the run's part, expected today. */
    private static PostmanStep purchaseOrder(String operationId) {
        String line = oneLine("item_id", "{{part_id}}", "quantity", "10", "unit_cost", "2.35");
        return call(operationId)
                .with("supplier_id", variable("supplier_id"), "expected_date", text("{{today}}"), "lines", line);
    }

    private static PostmanStep mechanic(String operationId, String who) {
        return call(operationId)
                .with(
                        "name", text("Newman " + who),
                        "email", text("newman." + who + ".{{run}}@plant.example"),
                        "username", text("newman." + who + ".{{run}}"),
                        "password", text("{{run_password}}"));
    }

    private static PostmanStep customRole(String operationId, String who) {
        return call(operationId).with("name", text("newman-" + who + "-{{run}}"), "permissions", "[\"stock:adjust\"]");
    }

    private static PostmanStep apiClient(String operationId, String who) {
        return call(operationId).with("name", text("newman-" + who + "-{{run}}"), "permissions", "[\"products:read\"]");
    }

    private static PostmanStep ticket(String operationId) {
        return call(operationId).with("customer_id", variable("customer_id"), "service_date", text("{{today}}"));
    }

    /**
     * The usual start of a resource's life: created (its id kept in {@code variable}), listed, read, replaced;
     * {@code body} gives the create and replace requests their values.
     */
    private static List<PostmanStep> kept(
            String singular, String plural, String variable, Function<String, PostmanStep> body) {
        return List.of(
                body.apply("create" + singular).keepId(variable),
                call("list" + plural),
                call("get" + singular).on(variable),
                body.apply("replace" + singular).on(variable));
    }

    /** One made only to be deleted, and deleted: nothing refers to it. */
    private static List<PostmanStep> deleted(String singular, String noun, Function<String, PostmanStep> body) {
        String variable = "spare_" + singular.toLowerCase(Locale.ROOT) + "_id";
        return List.of(
                body.apply("create" + singular)
                        .named("Create " + noun + " to delete")
                        .keepId(variable),
                call("delete" + singular).on(variable));
    }

    /** Steps and lists of steps, in this order. */
    private static List<PostmanStep> steps(Object... stepsOrLists) {
        List<PostmanStep> all = new ArrayList<>();
        for (Object item : stepsOrLists) {
            if (item instanceof PostmanStep step) {
                all.add(step);
            } else {
                ((List<?>) item).forEach(step -> all.add((PostmanStep) step));
            }
        }
        return all;
    }

    static List<Folder> folders() {
        return List.of(
                new Folder(
                        "Sign in",
                        "Signs in with username and password (a super admin: the first one on a fresh server), creates "
                                + "the run's own admin and works as it from here on.",
                        List.of(
                                call("login")
                                        .named("Sign in as {{username}}")
                                        .before(
                                                String.join(
                                                        "\n",
                                                        "// the run's tag, for values that must be unique, and today's date",
                                                        "pm.collectionVariables.set(\"run\", Date.now().toString(36));",
                                                        "const today = new Date();",
                                                        "pm.collectionVariables.set(\"today\", today.toISOString().slice(0, 10));",
                                                        "const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));",
                                                        "pm.collectionVariables.set(\"last_month\", lastMonth.toISOString().slice(0, 7));"))
                                        .rawBody(
                                                "{\n  \"username\": \"{{username}}\",\n  \"password\": \"{{password}}\"\n}")
                                        .keep("admin_token", "body.access_token")
                                        .essential(),
                                account("createUser", "admin", "admin")
                                        .named("Create the run's admin")
                                        .keepId("run_user_id")
                                        .essential(),
                                login("login", "admin", "access_token")
                                        .keep("refresh_token", "body.refresh_token")
                                        .essential(),
                                call("refreshToken")
                                        .with("refresh_token", text("{{refresh_token}}"))
                                        .keep("access_token", "body.access_token")
                                        .keep("refresh_token", "body.refresh_token"),
                                call("getCurrentUser"),
                                call("updateProfile")
                                        .with(
                                                "full_name", text("Newman run {{run}}"),
                                                "email", text("newman.admin.{{run}}@run.example")),
                                call("listRoles"))),
                new Folder(
                        "Users",
                        "Accounts: an admin who approves the run's purchase orders (four eyes), and accounts made to "
                                + "be changed and deleted.",
                        List.of(
                                account("registerUser", "approver", "admin")
                                        .named("Register the run's approver")
                                        .note("Created by {{username}}, not by the run's admin: an account may "
                                                + "not approve what an account it created, or that created it, "
                                                + "submitted (403 RELATED_ACCOUNT).")
                                        .keepId("approver_user_id"),
                                login("login", "approver", "approver_token"),
                                call("listUsers"),
                                account("createUser", "spare", "user")
                                        .as(null)
                                        .named("Create an account to change and delete")
                                        .keepId("spare_user_id"),
                                call("getUser").on("spare_user_id"),
                                call("updateUser").on("spare_user_id").with("role", text("manager")),
                                call("getUserAlias").on("spare_user_id"),
                                call("updateUserAlias").on("spare_user_id"),
                                call("deleteUser").on("spare_user_id"),
                                account("createUser", "spare2", "user")
                                        .as(null)
                                        .named("Create an account to delete by the alias")
                                        .keepId("spare2_user_id"),
                                call("deleteUserAlias").on("spare2_user_id"))),
                new Folder(
                        "Roles and API clients",
                        "The permissions, a custom role, and an API client that gets a token with the client "
                                + "credentials grant, uses it, has its secret rotated; spares made to be deleted and revoked; "
                                + "single sign-on's settings and the sign-in policy.",
                        steps(
                                call("listPermissions"),
                                kept("CustomRole", "CustomRoles", "custom_role_id", op -> customRole(op, "clerk")),
                                deleted("CustomRole", "a custom role", op -> customRole(op, "spare")),
                                apiClient("createApiClient", "erp")
                                        .keep("api_client_id", "body.client.id")
                                        .keep("client_id", "body.client.client_id")
                                        .keep("client_secret", "body.client_secret"),
                                call("listApiClients"),
                                call("getApiClient").on("api_client_id"),
                                call("issueClientToken")
                                        .anonymously()
                                        .form(
                                                "grant_type", "client_credentials",
                                                "client_id", "{{client_id}}",
                                                "client_secret", "{{client_secret}}")
                                        .keep("client_token", "body.access_token"),
                                call("listProducts")
                                        .named("List products as the API client")
                                        .as("client_token"),
                                call("rotateApiClientSecret")
                                        .on("api_client_id")
                                        .keep("client_secret", "body.client_secret"),
                                apiClient("createApiClient", "spare")
                                        .named("Create an API client to revoke")
                                        .keep("spare_api_client_id", "body.client.id"),
                                call("revokeApiClient").on("spare_api_client_id"),
                                call("getSingleSignOn").anonymously(),
                                call("exchangeProviderToken")
                                        .anonymously()
                                        .named("Exchange a token that is no provider's (refused)")
                                        .with("token", text("not-a-provider-token"))
                                        .expect(401),
                                call("redeemAuthorizationCode")
                                        .anonymously()
                                        .named("Redeem a code without a PKCE verifier (refused)")
                                        .with(
                                                "code", text("no-code"),
                                                "code_verifier", text("too-short"),
                                                "redirect_uri", text("https://plant.example/"))
                                        .expect(400),
                                call("getSignInPolicy").as("admin_token"),
                                call("changeSignInPolicy").as("admin_token").with("staff_password_sign_in", "true"))),
                new Folder(
                        "Employees",
                        "",
                        steps(
                                kept("Employee", "Employees", "employee_id", op -> employee(op, "operator")),
                                deleted("Employee", "an employee", op -> employee(op, "leaver")),
                                call("patchEmployee").on("employee_id"))),
                new Folder(
                        "Customers",
                        "A customer of the run with a customer account, the self-service registration, and a customer "
                                + "made to be deleted.",
                        steps(
                                kept("Customer", "Customers", "customer_id", op -> customer(op, "buyer")),
                                account("createUser", "customer", "customer")
                                        .as(null)
                                        .named("Create the customer's account")
                                        .with("customer_id", variable("customer_id")),
                                login("loginCustomer", "customer", "customer_token"),
                                call("getMyCustomerDetails").as("customer_token"),
                                call("changeMyCustomerDetails").as("customer_token"),
                                customer("registerCustomer", "self")
                                        .anonymously()
                                        .note("The confirmation token goes to the address by mail."),
                                call("confirmCustomerRegistration")
                                        .anonymously()
                                        .named("Confirm a registration (a token nobody was sent)")
                                        .with("token", text("newman-{{run}}-not-a-token"))
                                        .expect(400)
                                        .note("The token of a registration arrives by mail, which a collection cannot "
                                                + "read: this request shows the refusal of an unknown token, "
                                                + "400 INVALID_CONFIRMATION_TOKEN."),
                                deleted("Customer", "a customer", op -> customer(op, "leaver")))),
                new Folder(
                        "Catalog and inventory",
                        "Products, the category and location trees, suppliers, parts and a bill of materials.",
                        steps(
                                kept("Product", "Products", "product_id", op -> product(op, "GBX")),
                                call("adjustProductStock").on("product_id"),
                                call("listProductStockMovements").on("product_id"),
                                deleted(
                                        "Product",
                                        "a product",
                                        op -> product(op, "DEL")
                                                .with("stock_quantity", "0")
                                                .note(
                                                        "Without stock: a product with stock movements is deactivated, never "
                                                                + "deleted.")),
                                kept("Category", "Categories", "category_id", op -> category(op, "Seals")),
                                deleted("Category", "a category", op -> category(op, "Leftovers")),
                                kept("Location", "Locations", "location_id", op -> location(op, "NM-A")),
                                deleted("Location", "a location", op -> location(op, "NM-X")),
                                kept("Supplier", "Suppliers", "supplier_id", op -> supplier(op, "NM-SUP")),
                                deleted("Supplier", "a supplier", op -> supplier(op, "NM-OLD")),
                                kept("Part", "Parts", "part_id", op -> part(op, "SEAL")),
                                call("addPartStock").on("part_id").with("quantity", "50"),
                                call("removePartStock")
                                        .on("part_id")
                                        .with("quantity", "2", "reason", text("DAMAGE"), "note", text("Dropped")),
                                call("listPartStockMovements").on("part_id"),
                                deleted("Part", "a part", op -> part(op, "GONE")),
                                call("replaceBom")
                                        .on("product_id")
                                        .with("lines", oneLine("part_id", "{{part_id}}", "quantity", "1")),
                                call("getBom").on("product_id"))),
                new Folder(
                        "Production and orders",
                        "Production consumes the bill of materials; an order is changed, shipped and completed, "
                                + "another cancelled, a third deleted.",
                        List.of(
                                call("recordProduction")
                                        .with(
                                                "employee_id", variable("employee_id"),
                                                "product_id", variable("product_id"),
                                                "quantity", "5",
                                                "production_date", text("{{today}}"))
                                        .keepId("production_id"),
                                call("listProductionRecords"),
                                call("getProductionRecord").on("production_id"),
                                call("replaceProductionRecord")
                                        .on("production_id")
                                        .with(
                                                "employee_id", variable("employee_id"),
                                                "product_id", variable("product_id"),
                                                "quantity", "4",
                                                "production_date", text("{{today}}")),
                                call("recordProduction")
                                        .named("Record production to delete")
                                        .with(
                                                "employee_id", variable("employee_id"),
                                                "product_id", variable("product_id"),
                                                "quantity", "1",
                                                "production_date", text("{{today}}"))
                                        .keepId("spare_production_id"),
                                call("deleteProductionRecord").on("spare_production_id"),
                                order("placeOrder").keepId("order_id"),
                                call("listOrders"),
                                call("getOrder").on("order_id").keepEtag("order_etag"),
                                order("replaceOrder").on("order_id").ifMatch("order_etag"),
                                call("shipOrder").on("order_id"),
                                call("completeOrder").on("order_id"),
                                order("placeOrder")
                                        .named("Place an order to cancel")
                                        .keepId("cancelled_order_id"),
                                call("cancelOrder").on("cancelled_order_id"),
                                order("placeOrder")
                                        .named("Place an order to delete")
                                        .keepId("spare_order_id")
                                        .keepEtag("spare_order_etag"),
                                call("deleteOrder").on("spare_order_id").ifMatch("spare_order_etag"))),
                new Folder(
                        "Purchase orders",
                        "The run's admin creates and submits, the run's approver approves (four eyes); one "
                                + "order is received in two steps, one rejected, one cancelled.",
                        List.of(
                                purchaseOrder("createPurchaseOrder")
                                        .keepId("purchase_order_id")
                                        .keep("purchase_order_line_id", "body.lines[0].id"),
                                call("listPurchaseOrders"),
                                call("getPurchaseOrder").on("purchase_order_id"),
                                purchaseOrder("replacePurchaseOrder")
                                        .on("purchase_order_id")
                                        .keep("purchase_order_line_id", "body.lines[0].id"),
                                call("submitPurchaseOrder")
                                        .on("purchase_order_id")
                                        .keepEtag("purchase_order_etag"),
                                call("approvePurchaseOrder")
                                        .as("approver_token")
                                        .on("purchase_order_id")
                                        .ifMatch("purchase_order_etag"),
                                call("receivePurchaseOrder")
                                        .on("purchase_order_id")
                                        .with(
                                                "lines",
                                                oneLine("line_id", "{{purchase_order_line_id}}", "quantity", "4")),
                                call("deliverPurchaseOrder").on("purchase_order_id"),
                                purchaseOrder("createPurchaseOrder")
                                        .named("Create a purchase order to reject")
                                        .keepId("rejected_purchase_order_id"),
                                call("submitPurchaseOrder")
                                        .named("Submit the purchase order to reject")
                                        .on("rejected_purchase_order_id")
                                        .keepEtag("rejected_purchase_order_etag"),
                                call("rejectPurchaseOrder")
                                        .as("approver_token")
                                        .on("rejected_purchase_order_id")
                                        .ifMatch("rejected_purchase_order_etag"),
                                purchaseOrder("createPurchaseOrder")
                                        .named("Create a purchase order to cancel")
                                        .keepId("cancelled_purchase_order_id"),
                                call("cancelPurchaseOrder").on("cancelled_purchase_order_id"))),
                new Folder(
                        "Mechanic shop",
                        "Mechanics (one signs in and takes the ticket), a service ticket from open to completed with "
                                + "labour and parts, one cancelled, an assignment, the customer's view of the ticket.",
                        List.of(
                                mechanic("createMechanic", "mechanic").keepId("mechanic_id"),
                                login("loginMechanic", "mechanic", "mechanic_token"),
                                mechanic("createMechanic", "helper")
                                        .named("Create a second mechanic")
                                        .keepId("helper_id"),
                                call("listMechanics"),
                                call("getMechanic").on("mechanic_id"),
                                call("replaceMechanic")
                                        .on("mechanic_id")
                                        .with("email", text("newman.mechanic.{{run}}@plant.example")),
                                ticket("createServiceTicket").keepId("ticket_id"),
                                call("listServiceTickets"),
                                call("getServiceTicket").on("ticket_id"),
                                call("replaceServiceTicket").on("ticket_id").with("service_date", text("{{today}}")),
                                call("takeServiceTicket").as("mechanic_token").on("ticket_id"),
                                call("editServiceTicketMechanics")
                                        .on("ticket_id")
                                        .with(
                                                "add_mechanic_ids",
                                                "[\n    {{helper_id}}\n  ]",
                                                "remove_mechanic_ids",
                                                "[]"),
                                call("startServiceTicket").on("ticket_id"),
                                call("recordServiceTicketLabour")
                                        .on("ticket_id")
                                        .with("mechanic_id", variable("mechanic_id")),
                                call("fitServiceTicketPart")
                                        .on("ticket_id")
                                        .with("item_id", variable("part_id"))
                                        .keep("ticket_part_line", "body.parts[body.parts.length - 1].id"),
                                call("returnServiceTicketPart")
                                        .on("ticket_id")
                                        .pathVariable("line", "ticket_part_line"),
                                call("fitServiceTicketPart")
                                        .named("Fit the part again")
                                        .on("ticket_id")
                                        .with("item_id", variable("part_id"), "quantity", "1"),
                                call("completeServiceTicket").on("ticket_id"),
                                call("listMyServiceTickets").as("customer_token"),
                                call("getMyServiceTicket").as("customer_token").on("ticket_id"),
                                ticket("createServiceTicket")
                                        .named("Create a service ticket to cancel")
                                        .keepId("cancelled_ticket_id"),
                                call("cancelServiceTicket").on("cancelled_ticket_id"),
                                ticket("createServiceTicket")
                                        .named("Create a service ticket to assign")
                                        .keepId("assigned_ticket_id"),
                                call("createAssignment")
                                        .with(
                                                "ticket_id",
                                                variable("assigned_ticket_id"),
                                                "mechanic_id",
                                                variable("helper_id"))
                                        .keepId("assignment_id"),
                                call("listAssignments"),
                                call("deleteAssignment").on("assignment_id"),
                                call("getTopMechanics"),
                                mechanic("createMechanic", "retiree")
                                        .named("Create a mechanic to deactivate")
                                        .keepId("retiree_id"),
                                call("deactivateMechanic").on("retiree_id"))),
                new Folder(
                        "Notifications",
                        "The run's admin was told that its purchase order was approved.",
                        List.of(
                                call("listNotifications").keep("notification_id", "body.data[0].id"),
                                call("countUnreadNotifications"),
                                call("markNotificationRead").on("notification_id"),
                                call("markAllNotificationsRead"))),
                new Folder(
                        "Analytics, dashboard, reports",
                        "",
                        List.of(
                                call("refreshAnalytics"),
                                call("getEmployeePerformance"),
                                call("getTopProducts"),
                                call("getCustomerLifetimeValue"),
                                call("getProductionEfficiency").query("date", "{{today}}"),
                                call("getDashboardSummary"),
                                call("getDashboardMetrics"),
                                call("getInventoryReport"),
                                call("getPurchaseOrderReport"),
                                call("getSupplierReport"),
                                call("getAnalyticsReport"),
                                call("runMonthlyReports")
                                        .query("month", "{{last_month}}")
                                        .keep("report_run_id", "body.runs[0].id"),
                                call("listReportRuns"),
                                call("downloadReportRun").on("report_run_id"))),
                new Folder(
                        "Exports and audit",
                        "",
                        List.of(
                                call("exportProducts"),
                                call("exportParts"),
                                call("exportOrders"),
                                call("exportCustomers"),
                                call("exportEmployees"),
                                call("exportProductionRecords"),
                                call("exportSuppliers"),
                                call("exportPurchaseOrders"),
                                call("exportStockMovements").query("product_id", "{{product_id}}"),
                                call("exportAuditLogs"),
                                call("exportInventoryReport"),
                                call("exportPurchaseOrderReport"),
                                call("exportSupplierReport"),
                                call("exportAnalyticsReport"),
                                call("listAuditLogs"),
                                call("checkBooksBalance"))),
                new Folder(
                        "Events and webhooks",
                        "The event feed; a webhook subscription (to a TEST-NET address: accepted by any server's URL "
                                + "policy, and never reached) listed, read, changed and rotated; a product change gives "
                                + "it a delivery, which is sent again; then it is deleted.",
                        List.of(
                                call("listEvents").query("limit", "10"),
                                call("createWebhook")
                                        .with(
                                                "url",
                                                text("https://192.0.2.10/newman/{{run}}"),
                                                "event_types",
                                                "[\"product.changed\"]")
                                        .keep("webhook_id", "body.webhook.id"),
                                call("listWebhooks"),
                                call("getWebhook").on("webhook_id"),
                                call("replaceWebhook")
                                        .on("webhook_id")
                                        .with(
                                                "url",
                                                text("https://192.0.2.10/newman/{{run}}"),
                                                "event_types",
                                                "[\"product.changed\"]"),
                                call("rotateWebhookSecret").on("webhook_id"),
                                product("replaceProduct", "GBX")
                                        .named("Change the product: an event for the webhook")
                                        .on("product_id")
                                        .without("stock_quantity"),
                                call("listWebhookDeliveries")
                                        .on("webhook_id")
                                        .before("setTimeout(function () {}, 3000);")
                                        .note("Waits for the event to be numbered and fanned out (every "
                                                + "FACTORY_EVENTS_POLL_INTERVAL_MILLIS).")
                                        .keep("delivery_id", "body.data[0].id"),
                                call("redeliverWebhook").on("webhook_id").pathVariable("deliveryId", "delivery_id"),
                                call("deleteWebhook").on("webhook_id"))),
                new Folder(
                        "Sign out",
                        "Last: the run's admin changes its password, signs in with it and signs out; its token is "
                                + "refused after.",
                        List.of(
                                call("changePassword")
                                        .with(
                                                "current_password", text("{{run_password}}"),
                                                "new_password", text("{{run_password}}-changed")),
                                call("login")
                                        .named("Sign in with the new password")
                                        .anonymously()
                                        .rawBody("{\n  \"username\": \"newman.admin.{{run}}\",\n  \"password\": "
                                                + "\"{{run_password}}-changed\"\n}")
                                        .note("A password change revokes the account's tokens.")
                                        .keep("access_token", "body.access_token")
                                        .keep("refresh_token", "body.refresh_token"),
                                call("logout").with("refresh_token", text("{{refresh_token}}")),
                                call("getCurrentUser")
                                        .named("The signed-out token is refused")
                                        .expect(401))));
    }
}
