package io.factoryops.analytics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnalyticsFreshnessCheckTest {

    private final Instant now = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void freshUpToTheBound() {
        assertTrue(AnalyticsFreshnessCheck.fresh(now.minusSeconds(30), now, 300));
        assertTrue(AnalyticsFreshnessCheck.fresh(now.minusSeconds(300), now, 300));
    }

    @Test
    void staleBeyondItOrWhenNeverComputed() {
        assertFalse(AnalyticsFreshnessCheck.fresh(now.minusSeconds(301), now, 300));
        assertFalse(AnalyticsFreshnessCheck.fresh(null, now, 300));
    }
}
