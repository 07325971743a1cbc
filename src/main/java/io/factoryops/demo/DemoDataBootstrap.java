package io.factoryops.demo;

import io.factoryops.analytics.AnalyticsRefresher;
import io.factoryops.analytics.InventoryFigures;
import io.factoryops.platform.db.Constraints;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code factory.demo-data=true} (FACTORY_DEMO_DATA), loads the demo plant ({@link DemoPlant}) at start-up into
 * an empty database, after the first super_admin exists; otherwise it logs one line saying why not. Never by
 * default.
 * <p>
 * One transaction (bean-managed, with a timeout of its own: the container's is meant for requests) holds the whole
 * load, so a load that fails or a server that dies half way leaves the database as it was, and the next start
 * loads again. Of servers of a cluster that start together, one loads: the first to insert the demo_data row; the
 * others wait on that row's key and then find it ({@link DemoPlant#claim}). After the commit the analytics
 * summaries and the dashboard's inventory figures are rebuilt, as {@code POST /api/analytics/refresh?full=true}
 * does, and each account's generated password is printed once.
 */
@Startup
@Singleton
@DependsOn("IdentityBootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoDataBootstrap {

    private static final Logger LOG = Logger.getLogger(DemoDataBootstrap.class.getName());
    /** Seconds the load may take: it takes seconds; this is for a database that is slow or locked. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 600;

    @Inject
    @ConfigProperty(name = "factory.demo-data", defaultValue = "false")
    boolean enabled;

    @Resource
    UserTransaction transaction;

    @Inject
    DemoPlant plant;

    @Inject
    AnalyticsRefresher analytics;

    @Inject
    InventoryFigures inventoryFigures;

    @Inject
    DemoDataClaim claim;

    @PersistenceUnit(unitName = "factory")
    EntityManagerFactory entityManagers;

    @PostConstruct
    void loadDemoData() {
        if (!enabled) {
            return;
        }
        long start = System.nanoTime();
        DemoPlant.Loaded loaded;
        try {
            transaction.setTransactionTimeout(TRANSACTION_TIMEOUT_SECONDS);
            transaction.begin();
            Optional<String> refusal = claim.claim(Instant.now());
            if (refusal.isPresent()) {
                transaction.rollback();
                LOG.warning("FACTORY_DEMO_DATA=true, but " + refusal.get() + ": no demo data loaded");
                return;
            }
            loaded = plant.load(Instant.now());
            transaction.commit();
        } catch (Exception e) {
            rollback();
            if (Constraints.isViolation(e)) {
                LOG.info("FACTORY_DEMO_DATA=true, but another server loaded the demo data at the same time: "
                        + "this one leaves it");
                return;
            }
            throw new IllegalStateException(
                    "Could not load the demo data (FACTORY_DEMO_DATA=true); nothing of it "
                            + "was written, the next start tries again: " + e,
                    e);
        }
        long loadedMs = (System.nanoTime() - start) / 1_000_000;
        entityManagers.getCache().evictAll(); // the dates were written by SQL
        long rebuildStart = System.nanoTime();
        analytics.rebuild();
        inventoryFigures.refresh();
        long rebuildMs = (System.nanoTime() - rebuildStart) / 1_000_000;
        LOG.info("Loaded the demo data (seed " + DemoPlant.SEED + ", " + DemoPlant.DAYS + " days) in " + loadedMs
                + " ms, analytics rebuilt in " + rebuildMs + " ms: " + describe(loaded.counts()) + "; "
                + loaded.timings());
        for (DemoPlant.Account account : loaded.accounts()) {
            LOG.warning("Created the demo " + account.role().name().toLowerCase(java.util.Locale.ROOT) + " account '"
                    + account.username() + "' with the generated password: " + account.password()
                    + " -- it is shown only once.");
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Rolling back the demo data failed", e);
        }
    }

    private static String describe(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
