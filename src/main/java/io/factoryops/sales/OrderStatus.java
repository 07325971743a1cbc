package io.factoryops.sales;

import java.util.List;
import java.util.Locale;

/** The life of an order: placed → shipped → completed, or placed → cancelled. */
public enum OrderStatus {
    PLACED,
    SHIPPED,
    COMPLETED,
    CANCELLED;

    /** The transitions (as API verbs) allowed from this status. */
    public List<String> allowedTransitions() {
        return switch (this) {
            case PLACED -> List.of("ship", "cancel");
            case SHIPPED -> List.of("complete");
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
