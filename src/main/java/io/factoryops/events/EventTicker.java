package io.factoryops.events;

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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every server, every {@code factory.events.poll-interval-millis}: numbers the new events (one server at a time,
 * {@link EventSequencer}), fans them out to the webhook subscriptions, and hands the due deliveries to the
 * dispatcher, which sends them on a managed executor (the timer's thread never waits for a receiver). A
 * non-persistent timer on each server: the rows are claimed, so servers share the work and one that stops leaves
 * it to the others.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class EventTicker {

    private static final Logger LOG = Logger.getLogger(EventTicker.class.getName());

    @Resource
    TimerService timers;

    @Inject
    EventSettings settings;

    @Inject
    EventSequencer sequencer;

    @Inject
    WebhookDispatcher dispatcher;

    @PostConstruct
    void schedule() {
        long interval = settings.pollInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("events-tick", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimeout(Timer timer) {
        try {
            List<StoredEvent> numbered;
            do {
                numbered = sequencer.numberNew();
            } while (numbered.size() == EventSequencer.BATCH);
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            // logged, not thrown: the next tick tries again
            LOG.log(Level.WARNING, "Numbering events or sending webhooks failed; the next tick retries", e);
        }
    }
}
