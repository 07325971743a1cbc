package io.factoryops.notification;

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

/**
 * Sends the mail outbox on a persistent EJB timer every {@code factory.mail.outbox-interval-seconds} (10)
 * when mail is configured. Like the analytics refresh, the timer lives in the application database: one
 * server of a cluster runs each expiration, another takes over when it stops; and the rows are claimed
 * (see {@link MailOutbox}) so that two relays never send the same mail. Without mail configured there is no
 * timer (one left from an earlier configuration is cancelled).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class MailOutboxScheduler {

    private static final Logger LOG = Logger.getLogger(MailOutboxScheduler.class.getName());
    static final String NAME = "mail-outbox";

    @Resource
    TimerService timers;

    @Inject
    MailSettings settings;

    @Inject
    MailRelay relay;

    @PostConstruct
    void schedule() {
        if (!settings.enabled()) {
            PersistentTimers.cancelAll(timers, NAME);
            LOG.info("Mail is not configured (FACTORY_MAIL_HOST): notifications are not mailed");
            return;
        }
        long interval = settings.interval().toMillis();
        if (PersistentTimers.keepOne(timers, NAME, interval, interval)) {
            LOG.info("Mail outbox sent every " + settings.interval().toSeconds() + " s through " + settings.host() + ":"
                    + settings.port() + " (" + settings.tls().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimeout(Timer timer) {
        try {
            relay.relayDue();
        } catch (RuntimeException e) {
            // logged, not thrown: a failing run must not make the container retry in a loop
            LOG.log(Level.WARNING, "Sending the mail outbox failed; the next interval retries", e);
        }
    }
}
