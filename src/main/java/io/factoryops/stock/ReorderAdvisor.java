package io.factoryops.stock;

import java.util.Optional;

/**
 * Suggests how to restock an item that fell below its reorder level: which part, from which supplier, how
 * many. The feature that knows parts and suppliers implements it as a CDI bean; callers look it up with
 * {@code Instance<ReorderAdvisor>}, and without an implementation there is no suggestion. Called inside the
 * stock-moving transaction (from an observer of {@link StockFellBelowReorderLevel}): it must read only,
 * quickly, and not fail.
 */
public interface ReorderAdvisor {

    /**
     * @param kind    product or part
     * @param ownerId the product's or the part's id
     * @return what to order, or empty when there is nothing to suggest (e.g. a product, made not bought)
     */
    Optional<ReorderSuggestion> suggest(StockItemKind kind, long ownerId);
}
