package io.factoryops.procurement;

import java.util.List;
import java.util.Locale;

/**
 * The life of a purchase order: draft → pending (submitted) → approved | rejected; approved →
 * partially_received → received; draft, pending or approved → cancelled. An edit of a pending order (a PUT,
 * not a verb) sends it back to draft.
 */
public enum PurchaseOrderStatus {
    DRAFT,
    PENDING,
    APPROVED,
    REJECTED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    CANCELLED;

    /** The transitions (as API verbs) allowed from this status. */
    public List<String> allowedTransitions() {
        return switch (this) {
            case DRAFT -> List.of("submit", "cancel");
            case PENDING -> List.of("approve", "reject", "cancel");
            case APPROVED -> List.of("receive", "deliver", "cancel");
            case PARTIALLY_RECEIVED -> List.of("receive", "deliver");
            case REJECTED, RECEIVED, CANCELLED -> List.of();
        };
    }

    /** Whether lines, supplier, dates and notes may still change. */
    public boolean editable() {
        return this == DRAFT || this == PENDING;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
