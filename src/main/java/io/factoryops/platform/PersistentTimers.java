package io.factoryops.platform;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

/**
 * The one way a scheduler keeps its persistent interval timer: exactly one per name in the whole
 * cluster (the timers live in the database), whose info names the interval, so that a changed
 * interval replaces the old timer at the next start instead of adding a second one.
 */
public final class PersistentTimers {

    private PersistentTimers() {
    }

    /**
     * Cancels this name's timers of another interval and creates the timer when none is left.
     *
     * @return whether the timer was created now
     */
    public static boolean keepOne(TimerService timers, String name, long initialMillis, long intervalMillis) {
        String info = name + ":" + intervalMillis + "ms";
        boolean present = false;
        for (Timer timer : timers.getTimers()) {
            if (info.equals(timer.getInfo()) && !present) {
                present = true;
            } else if (timer.isPersistent() && String.valueOf(timer.getInfo()).startsWith(name + ":")) {
                timer.cancel();
            }
        }
        if (!present) {
            timers.createIntervalTimer(initialMillis, intervalMillis, new TimerConfig(info, true));
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
