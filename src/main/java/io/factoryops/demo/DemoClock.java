package io.factoryops.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The story's time: the day being told, the moments of that day one after another, and what earlier days
 * planned for later ones (what would fall after today stays undone).
 */
final class DemoClock {

    /** Event times of one day: this many steps between its first and its last. */
    private static final int SLOTS = 160;

    private final LocalDate today;
    private final Instant now;
    /** What earlier days planned, by day. */
    private final Map<LocalDate, List<Runnable>> agenda = new TreeMap<>();

    private LocalDate day;
    private int slot;

    DemoClock(LocalDate today, Instant now) {
        this.today = today;
        this.now = now;
    }

    /** Starts the day {@code back} days before today and does what earlier days planned for it. */
    LocalDate begin(long back) {
        day = today.minusDays(back);
        slot = 0;
        List<Runnable> due = agenda.remove(day);
        if (due != null) {
            due.forEach(Runnable::run);
        }
        return day;
    }

    LocalDate day() {
        return day;
    }

    /** The next moment of the day: past days between 08:00 and 18:00, today in the ten hours before now. */
    Instant next() {
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        Instant end = day.atTime(18, 0).toInstant(ZoneOffset.UTC);
        if (day.equals(today)) {
            Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            end = now.minusSeconds(60).isBefore(midnight) ? midnight : now.minusSeconds(60);
            start = end.minus(Duration.ofHours(10)).isBefore(midnight) ? midnight : end.minus(Duration.ofHours(10));
        }
        long step = Duration.between(start, end).toMillis() / SLOTS;
        return start.plusMillis(step * Math.min(slot++, SLOTS));
    }

    /** Does it today ({@code inDays} 0), or on that day unless that is after today. */
    void plan(long inDays, Runnable action) {
        LocalDate when = day.plusDays(inDays);
        if (inDays == 0) {
            action.run();
        } else if (!when.isAfter(today)) {
            agenda.computeIfAbsent(when, d -> new ArrayList<>()).add(action);
        }
    }
}
