package io.factoryops.procurement;

import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.Caller;
import io.factoryops.inventory.PartService;
import io.factoryops.inventory.PartSummary;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.error.ApiException;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReference;
import io.factoryops.stock.StockService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Deliveries of approved purchase orders received into stock through the ledger, one receipt each. A receipt
 * locks the order's row first (so two receipts or a receipt and a cancel of one order run one after the other),
 * then the stock items of its parts (the ledger's order).
 */
@ApplicationScoped
public class PurchaseOrderReceiptService {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    PurchaseOrderAccess access;

    @Inject
    PartService parts;

    @Inject
    StockService stock;

    /**
     * Receives a delivery: per line at most what is outstanding (400 naming the line otherwise), the
     * parts added to stock through the ledger under one receipt, all or nothing.
     */
    @Transactional
    public PurchaseOrderResponse receive(Caller caller, long id, ReceiveRequest request) {
        PurchaseOrder order = access.lock(id);
        order.requireStatus("receive", order.getStatus().allowedTransitions().contains("receive"));
        Map<Long, PurchaseOrderLine> lines = new HashMap<>();
        order.getLines().forEach(l -> lines.put(l.getId(), l));
        Map<Long, Integer> units = new LinkedHashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReceiveRequest.Line r = request.lines().get(i);
            PurchaseOrderLine line = lines.get(r.lineId());
            if (line == null) {
                throw ApiException.notFoundField(
                        "lines[" + i + "].line_id", "Line of purchase order " + order.getPoNumber(), r.lineId());
            }
            if (units.containsKey(r.lineId())) {
                throw ApiException.invalidField("lines[" + i + "].line_id", "line " + r.lineId() + " is listed twice");
            }
            if (r.quantity() > line.outstanding()) {
                throw ApiException.invalidField(
                        "lines[" + i + "].quantity",
                        "only " + line.outstanding()
                                + " of line " + r.lineId() + " are outstanding (ordered " + line.getQuantity()
                                + ", received "
                                + line.getReceivedQuantity() + ")");
            }
            units.put(r.lineId(), r.quantity());
        }
        return receive(caller, order, units, AuditAction.RECEIVE);
    }

    /** The seed's deliver: receives everything outstanding. */
    @Transactional
    public PurchaseOrderResponse deliver(Caller caller, long id) {
        PurchaseOrder order = access.lock(id);
        order.requireStatus("deliver", order.getStatus().allowedTransitions().contains("deliver"));
        Map<Long, Integer> units = new LinkedHashMap<>();
        order.getLines().stream().filter(l -> l.outstanding() > 0).forEach(l -> units.put(l.getId(), l.outstanding()));
        return receive(caller, order, units, AuditAction.DELIVER);
    }

    private PurchaseOrderResponse receive(
            Caller caller, PurchaseOrder order, Map<Long, Integer> units, AuditAction action) {
        PurchaseOrderResponse received = access.changes().revise(order, action, Function.identity(), o -> {
            PurchaseOrderReceipt receipt = new PurchaseOrderReceipt(o.getId(), caller.username());
            em.persist(receipt);
            em.flush();
            Map<Long, Long> partOfLine = new HashMap<>();
            o.getLines().forEach(l -> partOfLine.put(l.getId(), l.getPartId()));
            Map<Long, PartSummary> summaries = parts.summaries(new HashSet<>(partOfLine.values()), "item_id");
            Map<Long, Integer> byItem = new TreeMap<>();
            units.forEach((lineId, n) ->
                    byItem.merge(summaries.get(partOfLine.get(lineId)).stockItemId(), n, Integer::sum));
            StockService.Locked locked = stock.lock(byItem.keySet());
            o.receive(action.name().toLowerCase(Locale.ROOT), units);
            StockReference reference = StockReference.purchaseOrderReceipt(receipt.getId());
            byItem.forEach(
                    (item, n) -> stock.add(locked, item, n, StockReason.PURCHASE_RECEIPT, reference, o.getPoNumber()));
        });
        events.publish(EventType.PURCHASE_ORDER_RECEIVED, received.id(), received);
        return received;
    }
}
