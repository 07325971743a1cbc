package io.factoryops.maintenance;

import java.util.Locale;

/** How urgent a service ticket is. */
public enum TicketPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority a wire value names (already validated by the request's pattern); null → normal. */
    public static TicketPriority of(String value) {
        return value == null ? NORMAL : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
