package io.factoryops.inventory;

import io.factoryops.catalog.ProductService;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bills of materials: which parts, and how many, one unit of a product takes. Production consumes them
 * through the stock ledger ({@link #requirements}); a part in a bill cannot be deleted (foreign key).
 */
@ApplicationScoped
public class BomService {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    ProductService products;

    @Inject
    PartService parts;

    @Inject
    AuditService audit;

    @Transactional
    public BomResponse get(long productId) {
        products.stockItemOf(productId); // 404 for an unknown product
        return view(productId, lines(productId));
    }

    /**
     * Replaces the whole bill: every part must exist and be active, each at most once (400 naming the
     * line otherwise; 404 naming {@code lines[i].part_id} for an unknown part).
     */
    @Transactional
    public BomResponse replace(long productId, BomRequest request) {
        products.stockItemOf(productId);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            if (!seen.add(request.lines().get(i).partId())) {
                throw ApiException.invalidField(
                        "lines[" + i + "].part_id",
                        "part " + request.lines().get(i).partId() + " is listed twice");
            }
        }
        Map<Long, PartSummary> summaries = new LinkedHashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            long partId = request.lines().get(i).partId();
            PartSummary part =
                    parts.summaries(List.of(partId), "lines[" + i + "].part_id").get(partId);
            if (!part.active()) {
                throw ApiException.invalidField("lines[" + i + "].part_id", "part " + partId + " is inactive");
            }
            summaries.put(partId, part);
        }
        BomResponse before = view(productId, lines(productId));
        em.createQuery("DELETE FROM BomLine b WHERE b.productId = :id")
                .setParameter("id", productId)
                .executeUpdate();
        for (BomRequest.Line line : request.lines()) {
            em.persist(new BomLine(productId, line.partId(), line.quantity()));
        }
        em.flush();
        BomResponse after = view(productId, lines(productId));
        audit.record(AuditAction.REPLACE_BOM, "product", productId, before, after);
        return after;
    }

    /**
     * What producing {@code units} of a product consumes: stock item id of each part → units of it.
     * Empty when the product has no bill. Read without a lock: the caller locks the items it moves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Integer> requirements(long productId, int units) {
        Map<Long, Integer> needs = new LinkedHashMap<>();
        List<Object[]> rows = em.createQuery(
                        "SELECT p.stock.id, b.quantity FROM BomLine b, Part p "
                                + "WHERE b.productId = :id AND p.id = b.partId ORDER BY p.stock.id",
                        Object[].class)
                .setParameter("id", productId)
                .getResultList();
        for (Object[] row : rows) {
            long need = (long) ((Number) row[1]).intValue() * units;
            if (need > Integer.MAX_VALUE) {
                throw ApiException.invalidField(
                        "quantity",
                        "producing " + units + " units would consume " + need
                                + " units of a part, more than a stock can hold");
            }
            needs.merge((Long) row[0], (int) need, Integer::sum);
        }
        return needs;
    }

    private List<Object[]> lines(long productId) {
        return em.createQuery(
                        "SELECT p.id, p.sku, p.name, p.unit, b.quantity FROM BomLine b, Part p "
                                + "WHERE b.productId = :id AND p.id = b.partId ORDER BY p.id",
                        Object[].class)
                .setParameter("id", productId)
                .getResultList();
    }

    private static BomResponse view(long productId, List<Object[]> rows) {
        List<BomResponse.Line> lines = new ArrayList<>();
        for (Object[] r : rows) {
            lines.add(new BomResponse.Line(
                    (Long) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue()));
        }
        return new BomResponse(productId, lines);
    }
}
