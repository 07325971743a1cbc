package io.factoryops.analytics;

import io.factoryops.platform.PersistentTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the analytics refresh, and then the dashboard's inventory figures ({@link InventoryFigures}), on a
 * persistent EJB timer every {@code factory.analytics.refresh-interval-seconds}
 * (60). The timer lives in the application database: servers sharing it run each refresh once, and
 * when the server running it stops another takes it over (Liberty's defaultEJBPersistentTimerExecutor
 * with missedTaskThreshold, see server.xml).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class AnalyticsScheduler {

    private static final Logger LOG = Logger.getLogger(AnalyticsScheduler.class.getName());
    private static final String NAME = "analytics-refresh";

    @Resource
    TimerService timers;

    @Inject
    AnalyticsRefresher refresher;

    @Inject
    InventoryFigures inventoryFigures;

    @Inject
    @ConfigProperty(name = "factory.analytics.refresh-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        if (PersistentTimers.keepOne(timers, NAME, 1_000, intervalSeconds * 1_000)) {
            LOG.info("Analytics refresh scheduled every " + intervalSeconds + " s");
        }
        // A persistent timer that survives a restart is picked up at the executor's next poll: refresh
        // once right after start too, so that readiness does not wait for it.
        timers.createSingleActionTimer(2_000, new TimerConfig(NAME + ":startup", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refresh(Timer timer) {
        try {
            refresher.refresh();
        } catch (RuntimeException e) {
            // logged, not thrown: a failing refresh must not make the container retry in a loop
            LOG.log(Level.WARNING, "Analytics refresh failed; the next interval retries", e);
        }
        try {
            inventoryFigures.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Inventory figures refresh failed; the next interval retries", e);
        }
    }
}
