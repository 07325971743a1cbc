package io.factoryops.demo;

import io.factoryops.catalog.ProductRequest;
import io.factoryops.catalog.ProductService;
import io.factoryops.identity.Caller;
import io.factoryops.identity.PasswordService;
import io.factoryops.identity.Role;
import io.factoryops.identity.UserRequest;
import io.factoryops.identity.UserResponse;
import io.factoryops.identity.UserService;
import io.factoryops.inventory.BomRequest;
import io.factoryops.inventory.BomService;
import io.factoryops.inventory.CategoryRequest;
import io.factoryops.inventory.CategoryService;
import io.factoryops.inventory.LocationRequest;
import io.factoryops.inventory.LocationService;
import io.factoryops.inventory.PartRequest;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartStockRequest;
import io.factoryops.maintenance.MechanicRequest;
import io.factoryops.maintenance.MechanicResponse;
import io.factoryops.maintenance.MechanicService;
import io.factoryops.maintenance.ServiceTicketService;
import io.factoryops.maintenance.TicketLifecycleService;
import io.factoryops.maintenance.TicketWorkService;
import io.factoryops.procurement.PurchaseOrderLifecycleService;
import io.factoryops.procurement.PurchaseOrderReceiptService;
import io.factoryops.procurement.PurchaseOrderService;
import io.factoryops.procurement.SupplierRequest;
import io.factoryops.procurement.SupplierService;
import io.factoryops.production.ProductionService;
import io.factoryops.sales.CustomerRequest;
import io.factoryops.sales.CustomerService;
import io.factoryops.sales.OrderLifecycleService;
import io.factoryops.sales.OrderPlacementService;
import io.factoryops.workforce.EmployeeRequest;
import io.factoryops.workforce.EmployeeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The demo plant: the loading itself ({@link #load}), in the caller's transaction, after {@link DemoDataClaim}. Everything is written through the features' services, as their resources would, by accounts of the
 * plant (or, for creating those accounts, a system caller); the stock moves only through the services, so every
 * stock item's quantity is its ledger's sum. The data come from {@link #SEED}: two loads on the same day write the
 * same plant (only the accounts' passwords differ); the story's days end today.
 */
@ApplicationScoped
public class DemoPlant {

    static final long SEED = 20_260_090L;
    static final int DAYS = 90;

    /** The caller that creates the plant's accounts: no account of its own (their created_by names it). */
    private static final Caller SYSTEM = new Caller(0, "demo-data", Role.SUPER_ADMIN);

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    PasswordService passwords;

    @Inject
    EmployeeService employees;

    @Inject
    CustomerService customers;

    @Inject
    ProductService products;

    @Inject
    BomService boms;

    @Inject
    CategoryService categories;

    @Inject
    LocationService locations;

    @Inject
    SupplierService suppliers;

    @Inject
    PartService parts;

    @Inject
    OrderPlacementService orders;

    @Inject
    OrderLifecycleService orderLifecycle;

    @Inject
    ProductionService production;

    @Inject
    PurchaseOrderService purchaseOrders;

    @Inject
    PurchaseOrderLifecycleService purchaseOrderLifecycle;

    @Inject
    PurchaseOrderReceiptService purchaseOrderReceipts;

    @Inject
    MechanicService mechanics;

    @Inject
    ServiceTicketService tickets;

    @Inject
    TicketLifecycleService ticketLifecycle;

    @Inject
    TicketWorkService ticketWork;

    /** An account of the plant, with the password generated for it. */
    public record Account(String username, Role role, String password) {}

    /** What a load wrote: the accounts, and how many documents of each kind and state. */
    public record Loaded(List<Account> accounts, Map<String, Integer> counts, String timings) {}

    /** Loads the plant (after {@link DemoDataClaim#claim}), dated in the {@value #DAYS} days that end now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Loaded load(Instant now) {
        Random random = new Random(SEED);
        DemoHistory history = new DemoHistory(em);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant setUp = today.minusDays(DAYS).atTime(7, 0).toInstant(ZoneOffset.UTC);
        long start = System.nanoTime();
        Cast cast = history.at(setUp, () -> setUp(random));
        long told = System.nanoTime();
        new DemoStory(this, cast, random, history, today, now).tell();
        long dated = System.nanoTime();
        int updates = history.apply(setUp, cast.userIds);
        long end = System.nanoTime();
        String timings = "set-up and accounts " + (told - start) / 1_000_000 + " ms, " + DAYS + " days "
                + (dated - told) / 1_000_000 + " ms, dating " + (end - dated) / 1_000_000 + " ms (" + updates
                + " updates)";
        Map<String, Integer> counts = cast.counts();
        for (String table : List.of("orders", "purchase_orders", "service_tickets")) {
            for (Object row : em.createNativeQuery(
                            "SELECT status, COUNT(*) FROM " + table + " GROUP BY status ORDER BY status")
                    .getResultList()) {
                Object[] columns = (Object[]) row;
                counts.put(
                        table + " " + columns[0].toString().toLowerCase(Locale.ROOT), ((Number) columns[1]).intValue());
            }
        }
        for (String table : List.of("production_records", "stock_movements")) {
            counts.put(
                    table,
                    ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
                                    .getSingleResult())
                            .intValue());
        }
        return new Loaded(cast.accounts, counts, timings);
    }

    /** The plant's master data and its people, as the story starts. */
    static final class Cast {
        final List<Account> accounts = new ArrayList<>();
        final List<Long> userIds = new ArrayList<>();
        Caller admin;
        Caller manager;
        Caller user;
        Caller customer;
        Caller mechanic;
        long mechanicId;
        final List<Long> mechanicIds = new ArrayList<>();
        final List<Long> employeeIds = new ArrayList<>();
        final List<Long> customerIds = new ArrayList<>();
        final Map<String, Long> supplierIds = new LinkedHashMap<>();
        final Map<String, Integer> leadTimes = new HashMap<>();
        /** Part SKU → id, and each part's supplier code, reorder level and quantity. */
        final Map<String, Long> partIds = new LinkedHashMap<>();

        final Map<Long, String> partSuppliers = new HashMap<>();
        final Map<Long, Integer> reorderQuantities = new HashMap<>();
        final Map<String, Long> productIds = new LinkedHashMap<>();
        final List<Long> bomProducts = new ArrayList<>();

        Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("customers", customerIds.size());
            counts.put("products", productIds.size());
            counts.put("parts", partIds.size());
            counts.put("suppliers", supplierIds.size());
            counts.put("employees", employeeIds.size() + mechanicIds.size());
            return counts;
        }
    }

    private Cast setUp(Random random) {
        Cast cast = new Cast();
        cast.admin = account(cast, "demo.admin", Role.ADMIN, "Dana Admin", null);
        cast.manager = account(cast, "demo.manager", Role.MANAGER, "Morgan Manager", null);
        cast.user = account(cast, "demo.user", Role.USER, "Uma User", null);

        Map<String, Long> categoryIds = new HashMap<>();
        for (DemoNames.Category c : DemoNames.CATEGORIES) {
            categoryIds.put(
                    c.name(),
                    categories
                            .create(new CategoryRequest(
                                    c.name(), c.parent() == null ? null : categoryIds.get(c.parent())))
                            .id());
        }
        Map<String, Long> locationIds = new HashMap<>();
        for (DemoNames.Location l : DemoNames.LOCATIONS) {
            locationIds.put(
                    l.code(),
                    locations
                            .create(new LocationRequest(
                                    l.code(), l.name(), l.parent() == null ? null : locationIds.get(l.parent())))
                            .id());
        }
        Map<String, String> supplierOfCategory = new HashMap<>();
        for (DemoNames.Supplier s : DemoNames.SUPPLIERS) {
            String domain = s.code().toLowerCase(Locale.ROOT) + ".example.com";
            cast.supplierIds.put(
                    s.code(),
                    suppliers
                            .create(new SupplierRequest(
                                    s.name(),
                                    s.code(),
                                    s.contact(),
                                    "orders@" + domain,
                                    DemoNames.phone(random),
                                    DemoNames.city(random),
                                    s.leadTimeDays(),
                                    "Net 30",
                                    true))
                            .id());
            cast.leadTimes.put(s.code(), s.leadTimeDays());
            s.categories().forEach(c -> supplierOfCategory.put(c, s.code()));
        }
        for (DemoNames.Part p : DemoNames.PARTS) {
            boolean scarce = DemoNames.SCARCE.contains(p.sku());
            BigDecimal cost = new BigDecimal(p.cost());
            // cheap parts are kept by the hundred, dear ones by the few
            int reorderLevel = cost.compareTo(BigDecimal.TEN) < 0
                    ? 60 + random.nextInt(60)
                    : cost.compareTo(new BigDecimal("100")) < 0 ? 20 + random.nextInt(20) : 8 + random.nextInt(8);
            int reorderQuantity = reorderLevel * 2;
            String supplier = supplierOfCategory.get(p.category());
            long id = parts.create(new PartRequest(
                            p.sku(),
                            p.name(),
                            null,
                            categoryIds.get(p.category()),
                            locationIds.get(p.location()),
                            p.unit(),
                            cost,
                            reorderLevel,
                            reorderQuantity,
                            cast.supplierIds.get(supplier),
                            true,
                            null))
                    .id();
            int opening =
                    scarce ? reorderLevel + 4 + random.nextInt(6) : reorderLevel * 4 + random.nextInt(reorderLevel);
            parts.addStock(id, new PartStockRequest(opening, "COUNT", "Opening count"));
            cast.partIds.put(p.sku(), id);
            cast.partSuppliers.put(id, supplier);
            cast.reorderQuantities.put(id, reorderQuantity);
        }
        for (DemoNames.Product p : DemoNames.PRODUCTS) {
            long id = products.create(new ProductRequest(
                            p.sku(),
                            p.name(),
                            null,
                            new BigDecimal(p.price()),
                            p.category().equals("Services") ? 10_000 : 40 + random.nextInt(80),
                            15 + random.nextInt(15),
                            p.category(),
                            true))
                    .id();
            cast.productIds.put(p.sku(), id);
            if (!p.bom().isEmpty()) {
                List<BomRequest.Line> lines = new ArrayList<>();
                for (String part : p.bom()) {
                    lines.add(new BomRequest.Line(
                            cast.partIds.get(part), part.startsWith("CAB-") || part.startsWith("BOLT-") ? 4 : 1));
                }
                boms.replace(id, new BomRequest(lines));
                cast.bomProducts.add(id);
            }
        }
        String[] departments = {"Assembly", "Assembly", "Machining", "Machining", "Packaging", "Quality"};
        for (int i = 0; i < 12; i++) {
            String name = DemoNames.person(random, i);
            cast.employeeIds.add(employees
                    .create(new EmployeeRequest(
                            name,
                            DemoNames.email(name, "factory.example.com"),
                            i % 6 == 5 ? "Inspector" : "Operator",
                            departments[i % departments.length],
                            LocalDate.of(2012 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            true))
                    .id());
        }
        for (int i = 0; i < 30; i++) {
            String company = DemoNames.COMPANY_WORDS.get(i % DemoNames.COMPANY_WORDS.size()) + " "
                    + DemoNames.COMPANY_KINDS.get((i * 7) % DemoNames.COMPANY_KINDS.size());
            cast.customerIds.add(customers
                    .create(new CustomerRequest(
                            company,
                            DemoNames.email(company, "customers.example.com"),
                            DemoNames.phone(random),
                            DemoNames.city(random)))
                    .id());
        }
        cast.customer = account(cast, "demo.customer", Role.CUSTOMER, "Demo Customer", cast.customerIds.get(0));

        String[] mechanicNames = {"Max Mechanic", "Rita Lindgren", "Oskar Brandt", "Lena Fiala"};
        for (int i = 0; i < mechanicNames.length; i++) {
            String username = i == 0 ? "demo.mechanic" : "mechanic." + (i + 1);
            String password = passwords.random();
            MechanicResponse m = mechanics.create(new MechanicRequest(
                    mechanicNames[i],
                    DemoNames.email(mechanicNames[i], "factory.example.com"),
                    username,
                    password,
                    i == 0 ? "Senior mechanic" : "Mechanic"));
            cast.mechanicIds.add(m.id());
            cast.userIds.add(m.userId());
            if (i == 0) {
                cast.accounts.add(new Account(username, Role.MECHANIC, password));
                cast.mechanic = new Caller(m.userId(), m.username(), Role.MECHANIC);
                cast.mechanicId = m.id();
            }
        }
        return cast;
    }

    private Caller account(Cast cast, String username, Role role, String fullName, Long customerId) {
        String password = passwords.random();
        String email = customerId == null
                ? username + "@factory.example.com"
                : customers.get(customerId).email();
        UserResponse created = users.create(
                SYSTEM,
                new UserRequest(
                        username, email, password, fullName, role.name().toLowerCase(Locale.ROOT), null, customerId));
        cast.accounts.add(new Account(username, role, password));
        cast.userIds.add(created.id());
        return new Caller(created.id(), created.username(), role);
    }
}
