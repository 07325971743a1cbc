package io.factoryops.inventory;

import io.factoryops.stock.ReorderAdvisor;
import io.factoryops.stock.ReorderSuggestion;
import io.factoryops.stock.StockItemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * What to reorder when a part runs low: the part, its preferred supplier and its reorder quantity (or,
 * without one, enough to reach twice its reorder level). Products are made, not bought: no suggestion.
 */
@ApplicationScoped
public class PartReorderAdvisor implements ReorderAdvisor {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Override
    public Optional<ReorderSuggestion> suggest(StockItemKind kind, long ownerId) {
        if (kind != StockItemKind.PART) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery(
                        "SELECT p.preferredSupplierId, p.reorderQuantity, s.quantity, "
                                + "s.reorderLevel FROM Part p JOIN p.stock s WHERE p.id = :id",
                        Object[].class)
                .setParameter("id", ownerId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        int reorderQuantity = ((Number) row[1]).intValue();
        int quantity = ((Number) row[2]).intValue();
        int reorderLevel = ((Number) row[3]).intValue();
        return Optional.of(new ReorderSuggestion(
                ownerId, (Long) row[0], suggestedQuantity(reorderQuantity, quantity, reorderLevel)));
    }

    /**
     * How many to order: the part's reorder quantity, or, without one, enough to reach twice its reorder level
     * (at least one). The one rule for the low-stock notification and the inventory report.
     */
    public static int suggestedQuantity(int reorderQuantity, int quantity, int reorderLevel) {
        return reorderQuantity > 0 ? reorderQuantity : Math.max(1, 2 * reorderLevel - quantity);
    }
}
