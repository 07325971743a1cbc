package io.factoryops.maintenance;

import java.util.List;
import java.util.Locale;

/** The life of a service ticket: open → in_progress → completed; open or in_progress → cancelled. */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** The transitions (as API verbs) allowed from this status. */
    public List<String> allowedTransitions() {
        return switch (this) {
            case OPEN -> List.of("start", "cancel");
            case IN_PROGRESS -> List.of("complete", "cancel");
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    /** Whether mechanics, labour and parts may still change. */
    public boolean workable() {
        return this == OPEN || this == IN_PROGRESS;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
