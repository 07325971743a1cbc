package io.factoryops.notification;

import io.factoryops.stock.ReorderAdvisor;
import io.factoryops.stock.ReorderSuggestion;
import io.factoryops.stock.StockItemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Test only (in {@code NotificationIT}'s copy of the application): what the parts module will answer: a part
 * is reordered from supplier 7000 + its id, 25 at a time; a product is made, not bought.
 */
@ApplicationScoped
public class TestReorderAdvisor implements ReorderAdvisor {

    @Override
    public Optional<ReorderSuggestion> suggest(StockItemKind kind, long ownerId) {
        return kind == StockItemKind.PART
                ? Optional.of(new ReorderSuggestion(ownerId, 7000 + ownerId, 25))
                : Optional.empty();
    }
}
