package io.factoryops.identity;

import static io.factoryops.identity.Role.ADMIN;
import static io.factoryops.identity.Role.CUSTOMER;
import static io.factoryops.identity.Role.MANAGER;
import static io.factoryops.identity.Role.MECHANIC;
import static io.factoryops.identity.Role.SUPER_ADMIN;
import static io.factoryops.identity.Role.USER;

import io.factoryops.platform.error.ApiException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an operation needs: each resource method names one permission in {@code @RolesAllowed}, and an access token
 * carries its account's permissions as JWT groups (beside its roles). A role is a named set of permissions: the
 * built-in roles hold the permissions whose {@link #grantedTo() holders} they include, which reproduces the rules of
 * the six fixed roles exactly; custom roles ({@link CustomRole}) add permissions to an account.
 *
 * <p>The names are the API's (documented in {@code GET /api/permissions} and, per operation, as {@code
 * x-permissions} in the OpenAPI document); the constants below exist because annotations need compile-time
 * strings.
 */
public enum Permission {
    ACCOUNT_SELF(
            Names.ACCOUNT_SELF,
            "Reads and changes one's own account; signs out; lists roles.",
            USER,
            MECHANIC,
            CUSTOMER),
    NOTIFICATIONS_OWN(
            Names.NOTIFICATIONS_OWN, "Reads one's own notifications and marks them read.", USER, MECHANIC, CUSTOMER),
    CUSTOMER_PORTAL(Names.CUSTOMER_PORTAL, "A customer's self-service: own details and own service tickets.", CUSTOMER),
    USERS_MANAGE(Names.USERS_MANAGE, "Reads, creates, changes and deactivates the accounts one's role manages.", ADMIN),
    API_CLIENTS_MANAGE(
            Names.API_CLIENTS_MANAGE,
            "Creates API clients (never with a permission one lacks), rotates their secrets and revokes them.",
            ADMIN),
    SIGN_IN_MANAGE(
            Names.SIGN_IN_MANAGE,
            "Turns password sign-in for staff on and off (they then sign in through the identity provider).",
            SUPER_ADMIN),
    ROLES_MANAGE(
            Names.ROLES_MANAGE,
            "Creates, changes and deletes custom roles (never with a permission one lacks).",
            ADMIN),
    AUDIT_LOGS_READ(
            Names.AUDIT_LOGS_READ, "Reads and exports the audit log; sees who made each stock movement.", ADMIN),
    BOOKS_CHECK(
            Names.BOOKS_CHECK,
            "Runs the books-balance check (stock against the ledger, orders whole, idempotency keys against their "
                    + "effects), as after a restore.",
            ADMIN),
    EMPLOYEES_READ(Names.EMPLOYEES_READ, "Reads and exports employees.", MANAGER),
    EMPLOYEES_WRITE(Names.EMPLOYEES_WRITE, "Creates, changes and deletes employees.", ADMIN),
    CUSTOMERS_READ(Names.CUSTOMERS_READ, "Looks up customers.", USER),
    CUSTOMERS_WRITE(Names.CUSTOMERS_WRITE, "Creates, changes and deletes customers.", ADMIN),
    CUSTOMERS_EXPORT(Names.CUSTOMERS_EXPORT, "Exports customers.", MANAGER),
    PRODUCTS_READ(
            Names.PRODUCTS_READ,
            "Reads and exports products, their bills of materials and stock movements.",
            USER,
            MECHANIC),
    PRODUCTS_WRITE(Names.PRODUCTS_WRITE, "Creates, changes and deletes products.", ADMIN),
    BOM_WRITE(Names.BOM_WRITE, "Replaces a product's bill of materials.", MANAGER),
    STOCK_ADJUST(Names.STOCK_ADJUST, "Adjusts, adds and removes stock of products and parts.", MANAGER),
    ORDERS_READ(Names.ORDERS_READ, "Reads and exports one's own orders.", USER),
    ORDERS_READ_ALL(Names.ORDERS_READ_ALL, "Reads every order, not only one's own.", ADMIN),
    ORDERS_WRITE(Names.ORDERS_WRITE, "Places orders.", USER),
    ORDERS_FULFIL(Names.ORDERS_FULFIL, "Ships, completes and cancels orders.", ADMIN),
    ORDERS_EDIT(Names.ORDERS_EDIT, "Replaces and deletes orders.", ADMIN),
    PRODUCTION_READ(Names.PRODUCTION_READ, "Reads and exports production records.", MANAGER),
    PRODUCTION_WRITE(Names.PRODUCTION_WRITE, "Records production.", MANAGER),
    PRODUCTION_EDIT(Names.PRODUCTION_EDIT, "Replaces and deletes production records.", ADMIN),
    ANALYTICS_READ(Names.ANALYTICS_READ, "Reads analytics and the dashboard.", MANAGER),
    ANALYTICS_REFRESH(Names.ANALYTICS_REFRESH, "Recomputes the analytics now.", ADMIN),
    REPORTS_READ(Names.REPORTS_READ, "Reads and exports reports and the monthly report runs.", MANAGER),
    REPORTS_RUN(Names.REPORTS_RUN, "Runs the monthly reports now.", ADMIN),
    INVENTORY_READ(
            Names.INVENTORY_READ,
            "Reads and exports parts, categories, locations and part stock movements.",
            USER,
            MECHANIC),
    INVENTORY_WRITE(Names.INVENTORY_WRITE, "Creates, changes and deletes parts, categories and locations.", MANAGER),
    SUPPLIERS_READ(Names.SUPPLIERS_READ, "Reads and exports suppliers.", MANAGER),
    SUPPLIERS_WRITE(Names.SUPPLIERS_WRITE, "Creates, changes and deletes suppliers.", MANAGER),
    PURCHASE_ORDERS_READ(Names.PURCHASE_ORDERS_READ, "Reads and exports purchase orders.", MANAGER),
    PURCHASE_ORDERS_WRITE(
            Names.PURCHASE_ORDERS_WRITE, "Creates, changes, submits and cancels purchase orders.", MANAGER),
    PURCHASE_ORDERS_APPROVE(
            Names.PURCHASE_ORDERS_APPROVE,
            "Approves and rejects purchase orders up to the manager's approval limit (never one's own).",
            MANAGER),
    PURCHASE_ORDERS_APPROVE_ABOVE_LIMIT(
            Names.PURCHASE_ORDERS_APPROVE_ABOVE_LIMIT,
            "Approves and rejects purchase orders above the manager's approval limit.",
            ADMIN),
    PURCHASE_ORDERS_RECEIVE(
            Names.PURCHASE_ORDERS_RECEIVE,
            "Marks purchase orders delivered and receives their goods into stock.",
            MANAGER),
    MECHANICS_READ(Names.MECHANICS_READ, "Reads mechanics and their ranking.", MANAGER, MECHANIC),
    MECHANICS_WRITE(Names.MECHANICS_WRITE, "Creates, changes and deactivates mechanics.", MANAGER),
    SERVICE_TICKETS_READ(
            Names.SERVICE_TICKETS_READ,
            "Reads service tickets (a mechanic: theirs and the queue) and assignments.",
            MANAGER,
            MECHANIC),
    SERVICE_TICKETS_CREATE(
            Names.SERVICE_TICKETS_CREATE, "Opens service tickets (a customer: for themselves).", MANAGER, CUSTOMER),
    SERVICE_TICKETS_WORK(
            Names.SERVICE_TICKETS_WORK,
            "Works service tickets: changes, starts, completes, cancels, records labour, fits and returns parts.",
            MANAGER,
            MECHANIC),
    SERVICE_TICKETS_TAKE(Names.SERVICE_TICKETS_TAKE, "Takes a ticket from the queue (mechanics).", MECHANIC),
    SERVICE_TICKETS_ASSIGN(
            Names.SERVICE_TICKETS_ASSIGN, "Assigns mechanics to tickets and removes any mechanic from one.", MANAGER),
    ASSIGNMENTS_RELEASE(
            Names.ASSIGNMENTS_RELEASE, "Removes an assignment (a mechanic: only their own).", MANAGER, MECHANIC),
    EVENTS_READ(
            Names.EVENTS_READ,
            "Reads the event feed: the events of the resources one may read (GET /api/events).",
            MANAGER),
    WEBHOOKS_MANAGE(
            Names.WEBHOOKS_MANAGE,
            "Creates, changes and deletes webhook subscriptions (to events one may read), reads their deliveries.",
            ADMIN);

    /** The permissions' names as compile-time constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String ACCOUNT_SELF = "account:self";
        public static final String NOTIFICATIONS_OWN = "notifications:own";
        public static final String CUSTOMER_PORTAL = "customer-portal:use";
        public static final String USERS_MANAGE = "users:manage";
        public static final String ROLES_MANAGE = "roles:manage";
        public static final String SIGN_IN_MANAGE = "sign-in:manage";
        public static final String API_CLIENTS_MANAGE = "api-clients:manage";
        public static final String AUDIT_LOGS_READ = "audit-logs:read";
        public static final String BOOKS_CHECK = "books:check";
        public static final String EMPLOYEES_READ = "employees:read";
        public static final String EMPLOYEES_WRITE = "employees:write";
        public static final String CUSTOMERS_READ = "customers:read";
        public static final String CUSTOMERS_WRITE = "customers:write";
        public static final String CUSTOMERS_EXPORT = "exports:customers";
        public static final String PRODUCTS_READ = "products:read";
        public static final String PRODUCTS_WRITE = "products:write";
        public static final String BOM_WRITE = "bom:write";
        public static final String STOCK_ADJUST = "stock:adjust";
        public static final String ORDERS_READ = "orders:read";
        public static final String ORDERS_READ_ALL = "orders:read-all";
        public static final String ORDERS_WRITE = "orders:write";
        public static final String ORDERS_FULFIL = "orders:fulfil";
        public static final String ORDERS_EDIT = "orders:edit";
        public static final String PRODUCTION_READ = "production:read";
        public static final String PRODUCTION_WRITE = "production:write";
        public static final String PRODUCTION_EDIT = "production:edit";
        public static final String ANALYTICS_READ = "analytics:read";
        public static final String ANALYTICS_REFRESH = "analytics:refresh";
        public static final String REPORTS_READ = "reports:read";
        public static final String REPORTS_RUN = "reports:run";
        public static final String INVENTORY_READ = "inventory:read";
        public static final String INVENTORY_WRITE = "inventory:write";
        public static final String SUPPLIERS_READ = "suppliers:read";
        public static final String SUPPLIERS_WRITE = "suppliers:write";
        public static final String PURCHASE_ORDERS_READ = "purchase-orders:read";
        public static final String PURCHASE_ORDERS_WRITE = "purchase-orders:write";
        public static final String PURCHASE_ORDERS_APPROVE = "purchase-orders:approve";
        public static final String PURCHASE_ORDERS_APPROVE_ABOVE_LIMIT = "purchase-orders:approve-above-limit";
        public static final String PURCHASE_ORDERS_RECEIVE = "purchase-orders:receive";
        public static final String MECHANICS_READ = "mechanics:read";
        public static final String MECHANICS_WRITE = "mechanics:write";
        public static final String SERVICE_TICKETS_READ = "service-tickets:read";
        public static final String SERVICE_TICKETS_CREATE = "service-tickets:create";
        public static final String SERVICE_TICKETS_WORK = "service-tickets:work";
        public static final String SERVICE_TICKETS_TAKE = "service-tickets:take";
        public static final String SERVICE_TICKETS_ASSIGN = "service-tickets:assign";
        public static final String ASSIGNMENTS_RELEASE = "assignments:release";
        public static final String EVENTS_READ = "events:read";
        public static final String WEBHOOKS_MANAGE = "webhooks:manage";

        private Names() {}
    }

    private final String value;
    private final String description;
    private final Set<Role> grantedTo;

    Permission(String value, String description, Role first, Role... more) {
        this.value = value;
        this.description = description;
        this.grantedTo = EnumSet.of(first, more);
    }

    /** The name in tokens, {@code @RolesAllowed}, JSON and the OpenAPI document: {@code orders:write}, … */
    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    /**
     * The fewest built-in roles that hold this permission (in the order of {@link Role}): every role that includes
     * one of them holds it too.
     */
    public Set<Role> grantedTo() {
        return grantedTo;
    }

    /** Whether the built-in {@code role} holds this permission. */
    public boolean heldBy(Role role) {
        return role.includes().stream().anyMatch(grantedTo::contains);
    }

    /** Parses permission names (a request's, or as stored); an unknown name is a validation error on {@code field}. */
    public static Set<Permission> parseAll(Collection<String> values, String field) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        values.forEach(value -> permissions.add(parse(value, field)));
        return permissions;
    }

    /** The names of these permissions, in the order of {@link #values()} (of GET /api/permissions). */
    public static List<String> names(Collection<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::value).toList();
    }

    /** Parses a permission name from a request; an unknown name is a validation error on {@code field}. */
    public static Permission parse(String value, String field) {
        return Arrays.stream(values())
                .filter(p -> p.value.equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField(
                        field, "unknown permission '" + value + "' (GET /api/permissions lists them)"));
    }
}
