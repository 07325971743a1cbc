package io.factoryops.platform;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

/**
 * The one way a scheduler keeps its persistent timer (an interval, or a calendar schedule): exactly one per
 * name in the whole cluster (the timers live in the database), whose info names the interval or schedule, so
 * that a changed one replaces the old timer at the next start instead of adding a second one.
 */
public final class PersistentTimers {

    private PersistentTimers() {}

    /**
     * Cancels this name's timers of another interval and creates the timer when none is left.
     *
     * @return whether the timer was created now
     */
    public static boolean keepOne(TimerService timers, String name, long initialMillis, long intervalMillis) {
        String info = name + ":" + intervalMillis + "ms";
        return keepOne(
                timers,
                name,
                info,
                () -> timers.createIntervalTimer(initialMillis, intervalMillis, new TimerConfig(info, true)));
    }

    /**
     * The same for a calendar timer (e.g. monthly): its info names the schedule, so that a changed schedule
     * replaces the old timer at the next start.
     *
     * @param schedule what the info says of the schedule, e.g. "day 1 02:00 UTC"
     * @return whether the timer was created now
     */
    public static boolean keepOneCalendar(
            TimerService timers, String name, String schedule, ScheduleExpression expression) {
        String info = name + ":" + schedule;
        return keepOne(timers, name, info, () -> timers.createCalendarTimer(expression, new TimerConfig(info, true)));
    }

    private static boolean keepOne(TimerService timers, String name, String info, Runnable create) {
        boolean present = false;
        for (Timer timer : timers.getTimers()) {
            if (info.equals(timer.getInfo()) && !present) {
                present = true;
            } else if (timer.isPersistent() && String.valueOf(timer.getInfo()).startsWith(name + ":")) {
                timer.cancel();
            }
        }
        if (!present) {
            create.run();
        }
        return !present;
    }

    /** Cancels every persistent timer of this name (a feature switched off by configuration). */
    public static void cancelAll(TimerService timers, String name) {
        for (Timer timer : timers.getTimers()) {
            if (timer.isPersistent() && String.valueOf(timer.getInfo()).startsWith(name + ":")) {
                timer.cancel();
            }
        }
    }
}
