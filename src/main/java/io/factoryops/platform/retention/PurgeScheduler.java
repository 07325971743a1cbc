package io.factoryops.platform.retention;

import io.factoryops.platform.PersistentTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes expired rows of every {@link ExpiringRows} on a persistent EJB timer every
 * {@code factory.purge.interval-minutes} (60). Like the analytics refresh, the timer lives in the
 * application database: servers sharing it run each purge once, and another server takes the timer
 * over when the one running it stops. The work itself: {@link ExpiredRowsPurge}.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class PurgeScheduler {

    private static final Logger LOG = Logger.getLogger(PurgeScheduler.class.getName());
    private static final String NAME = "purge-expired";

    @Resource
    TimerService timers;

    @Inject
    ExpiredRowsPurge purge;

    @Inject
    @ConfigProperty(name = "factory.purge.interval-minutes", defaultValue = "60")
    long intervalMinutes;

    @PostConstruct
    void schedule() {
        long interval = intervalMinutes * 60_000;
        if (PersistentTimers.keepOne(timers, NAME, interval, interval)) {
            LOG.info("Purge of expired rows scheduled every " + intervalMinutes + " min");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimeout(Timer timer) {
        try {
            purge.run();
        } catch (RuntimeException e) {
            // logged, not thrown: a failing purge must not make the container retry in a loop
            LOG.log(Level.WARNING, "Purge of expired rows failed; the next interval retries", e);
        }
    }
}
