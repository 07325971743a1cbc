package io.factoryops.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static final BigDecimal MAX = new BigDecimal("9999999999.99");

    @Test
    void judgesAnyValueByPrecisionAndScaleAlone() {
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            for (String huge : new String[] {
                "1e600000000", "-1e600000000", "1e-600000000", "1e2147483647", "1e-2147483647", "0e2147483647"
            }) {
                BigDecimal value = new BigDecimal(huge);
                assertFalse(Decimals.fits(value, 18, 6), huge);
                assertFalse(Decimals.inRange(value, BigDecimal.ZERO, MAX, 2), huge);
            }
        });
        assertTrue(Decimals.inRange(new BigDecimal("9999999999.99"), BigDecimal.ZERO, MAX, 2));
        assertTrue(Decimals.inRange(new BigDecimal("1e3"), BigDecimal.ZERO, MAX, 2));
        assertTrue(Decimals.inRange(new BigDecimal("0.05"), BigDecimal.ZERO, MAX, 2));
        assertFalse(Decimals.inRange(new BigDecimal("10000000000"), BigDecimal.ZERO, MAX, 2));
        assertFalse(Decimals.inRange(new BigDecimal("0.001"), BigDecimal.ZERO, MAX, 2));
        assertFalse(Decimals.inRange(new BigDecimal("-0.01"), BigDecimal.ZERO, MAX, 2));
    }

    @Test
    void parsesShortDecimalTextOnly() {
        assertEquals(new BigDecimal("12.5"), Decimals.parse("12.5"));
        assertNull(Decimals.parse("1e600000000"));
        assertNull(Decimals.parse("abc"));
        assertNull(Decimals.parse("1".repeat(41)));
        assertNull(Decimals.parse(""));
    }
}
