package io.factoryops.reporting;

import io.factoryops.platform.PersistentTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores the previous month's report runs ({@link ReportRunService#runMonthly}) on the first day of each month
 * at {@code factory.reports.monthly-time} (02:00 UTC), from a persistent calendar timer: it lives in the
 * application database, so a cluster runs it once, and a server that takes over a missed expiration runs it
 * late rather than never. {@code factory.reports.monthly-enabled=false} cancels it. The work itself is the
 * service's, which an admin can also trigger for any past month ({@code POST /api/reports/runs}): that is how
 * the tests run it.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class MonthlyReportScheduler {

    private static final Logger LOG = Logger.getLogger(MonthlyReportScheduler.class.getName());
    static final String NAME = "monthly-reports";

    @Resource
    TimerService timers;

    @Inject
    ReportRunService runs;

    @Inject
    @ConfigProperty(name = "factory.reports.monthly-enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "factory.reports.monthly-time", defaultValue = "02:00")
    String time;

    @PostConstruct
    void schedule() {
        if (!enabled) {
            PersistentTimers.cancelAll(timers, NAME);
            LOG.info("Monthly reports are switched off (factory.reports.monthly-enabled=false)");
            return;
        }
        LocalTime at = parse(time);
        ScheduleExpression expression = new ScheduleExpression()
                .dayOfMonth(1)
                .hour(at.getHour())
                .minute(at.getMinute())
                .second(0)
                .timezone("UTC");
        if (PersistentTimers.keepOneCalendar(timers, NAME, "day 1 " + at + " UTC", expression)) {
            LOG.info("Monthly reports scheduled on the first day of each month at " + at + " UTC");
        }
    }

    static LocalTime parse(String time) {
        try {
            return LocalTime.parse(time.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "factory.reports.monthly-time must be a time of day HH:MM (UTC), not '" + time + "'");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        YearMonth previous = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        try {
            runs.runMonthly(previous, ReportTrigger.SCHEDULE, null);
        } catch (RuntimeException e) {
            // logged, not thrown: the container would retry at once; an admin can trigger the month again
            LOG.log(
                    Level.WARNING,
                    "The monthly reports of " + previous + " failed; POST /api/reports/runs?month=" + previous
                            + " (admin) runs them again",
                    e);
        }
    }
}
