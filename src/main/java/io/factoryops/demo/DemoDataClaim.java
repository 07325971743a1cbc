package io.factoryops.demo;

import io.factoryops.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who may load the demo plant: one server, once, into a database without business data. */
@ApplicationScoped
public class DemoDataClaim {

    /** Tables that hold business data: a database with a row in any of them is not empty. */
    private static final List<String> BUSINESS_TABLES = List.of(
            "products",
            "customers",
            "employees",
            "parts",
            "suppliers",
            "inventory_categories",
            "inventory_locations",
            "orders",
            "production_records",
            "purchase_orders",
            "service_tickets",
            "mechanics");

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    /**
     * Claims the load for this transaction, or says why not: the demo data was loaded before, or the database is not
     * empty (business rows, or accounts other than super_admins). The claim is the demo_data row, inserted first:
     * a server that claims while another's load is running waits for that transaction, then fails on the row's key
     * (a constraint violation for the caller to tell apart) or, when that load rolled back, claims it in turn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(Instant at) {
        List<?> loaded = em.createNativeQuery("SELECT loaded_at FROM demo_data").getResultList();
        if (!loaded.isEmpty()) {
            return Optional.of("the demo data was loaded already (" + loaded.get(0) + " UTC)");
        }
        em.createNativeQuery("INSERT INTO demo_data (id, seed, loaded_at) VALUES (1, ?, ?)")
                .setParameter(1, DemoPlant.SEED)
                .setParameter(2, Timestamp.from(at))
                .executeUpdate();
        List<String> found = new ArrayList<>();
        for (String table : BUSINESS_TABLES) {
            if (!em.createNativeQuery("SELECT id FROM " + table)
                    .setMaxResults(1)
                    .getResultList()
                    .isEmpty()) {
                found.add(table);
            }
        }
        if (!em.createNativeQuery("SELECT id FROM users WHERE role <> ?")
                .setParameter(1, Role.SUPER_ADMIN.name())
                .setMaxResults(1)
                .getResultList()
                .isEmpty()) {
            found.add("accounts other than super_admin");
        }
        return found.isEmpty()
                ? Optional.empty()
                : Optional.of("the database is not empty (it has " + String.join(", ", found) + ")");
    }
}
