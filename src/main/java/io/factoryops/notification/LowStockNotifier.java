package io.factoryops.notification;

import io.factoryops.identity.Role;
import io.factoryops.stock.ReorderAdvisor;
import io.factoryops.stock.ReorderSuggestion;
import io.factoryops.stock.StockFellBelowReorderLevel;
import io.factoryops.stock.StockItemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Low stock: when an item falls below its reorder level, every manager (every active account whose role
 * includes manager) is notified, in the transaction that moved the stock (the event is synchronous), with
 * what to reorder when a {@link ReorderAdvisor} knows it. One alert per item and recipient until the item
 * recovers: the ledger raises a crossing only after a real recovery above the reorder level, not after units
 * given back ({@code StockReason.givesBack}); mail about the same item is further limited per recipient
 * ({@code factory.mail.min-interval-seconds}).
 */
@ApplicationScoped
public class LowStockNotifier {

    @Inject
    NotificationService notifications;

    @Inject
    @Any
    Instance<ReorderAdvisor> advisors;

    void onLowStock(@Observes StockFellBelowReorderLevel event) {
        Optional<ReorderSuggestion> suggestion = suggest(event.kind(), event.ownerId());
        String what = event.kind() == StockItemKind.PART ? "Part" : "Product";
        String title = "Low stock: " + event.sku() + " " + event.name();
        StringBuilder message = new StringBuilder()
                .append(what)
                .append(' ')
                .append(event.name())
                .append(" (SKU ")
                .append(event.sku())
                .append(") is down to ")
                .append(event.quantityAfter())
                .append(", at or below its reorder level of ")
                .append(event.reorderLevel())
                .append('.');
        suggestion.ifPresent(s -> message.append(" Suggested reorder: ")
                .append(s.quantity())
                .append(" of part ")
                .append(s.itemId())
                .append(s.supplierId() == null ? "" : " from supplier " + s.supplierId())
                .append('.'));
        Reference reference = event.kind() == StockItemKind.PART
                ? Reference.part(event.ownerId())
                : Reference.product(event.ownerId());
        notifications.notifyRole(
                Role.MANAGER,
                NotificationType.LOW_STOCK,
                title,
                message.toString(),
                reference,
                suggestion.orElse(null),
                List.of());
    }

    /** The first advisor's suggestion; none without an advisor. */
    private Optional<ReorderSuggestion> suggest(StockItemKind kind, long ownerId) {
        for (ReorderAdvisor advisor : advisors) {
            Optional<ReorderSuggestion> suggestion = advisor.suggest(kind, ownerId);
            if (suggestion.isPresent()) {
                return suggestion;
            }
        }
        return Optional.empty();
    }
}
