package io.factoryops.demo;

import io.factoryops.procurement.PurchaseOrderRequest;
import io.factoryops.procurement.PurchaseOrderResponse;
import io.factoryops.procurement.ReceiveRequest;
import io.factoryops.procurement.RejectRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The story's purchasing: parts at or below their reorder level reordered from their supplier, and each purchase
 * order taken through the fate planned for it (submitted, decided by a second person, received whole or in two
 * deliveries, rejected or cancelled).
 */
final class DemoPurchasing {

    private final DemoPlant plant;
    private final DemoPlant.Cast cast;
    private final Random random;
    private final DemoHistory history;
    private final DemoClock clock;
    private final Map<Long, Integer> reorderLevels;
    /** Parts on an open purchase order: not reordered again. */
    private final Set<Long> onOrder = new HashSet<>();

    DemoPurchasing(
            DemoPlant plant,
            DemoPlant.Cast cast,
            Random random,
            DemoHistory history,
            DemoClock clock,
            Map<Long, Integer> reorderLevels) {
        this.plant = plant;
        this.cast = cast;
        this.random = random;
        this.history = history;
        this.clock = clock;
        this.reorderLevels = reorderLevels;
    }

    /** Parts at or below their reorder level and not on order, by supplier: one purchase order each. */
    void reorder() {
        List<Long> candidates = new ArrayList<>();
        cast.partIds.forEach((sku, id) -> {
            if (!DemoNames.SCARCE.contains(sku) && !onOrder.contains(id)) {
                candidates.add(id);
            }
        });
        Map<String, List<Long>> bySupplier = new TreeMap<>();
        plant.parts.summaries(candidates, "part").values().stream()
                .filter(p -> p.quantity() <= reorderLevels.get(p.id()))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .forEach(p -> bySupplier
                        .computeIfAbsent(cast.partSuppliers.get(p.id()), s -> new ArrayList<>())
                        .add(p.id()));
        bySupplier.forEach((supplier, lines) -> {
            int fate = random.nextInt(20);
            Fate plannedFate =
                    fate == 0 ? Fate.REJECTED : fate == 1 ? Fate.CANCELLED : fate < 7 ? Fate.PARTIAL : Fate.RECEIVED;
            purchase(supplier, lines, plannedFate, false);
        });
    }

    enum Fate {
        DRAFT,
        PENDING,
        REJECTED,
        CANCELLED,
        APPROVED,
        PARTIAL,
        RECEIVED
    }

    /**
     * A purchase order by the manager for the reorder quantity of each part, submitted (unless a draft) and decided
     * by the admin the next clock.day() (four eyes); approved ones arrive after the supplier's lead time, whole or in two
     * deliveries. {@code keep}: its parts stay "on order" for good (the showcase's).
     */
    void purchase(String supplier, List<Long> parts, Fate fate, boolean keep) {
        int lead = cast.leadTimes.get(supplier);
        List<PurchaseOrderRequest.Line> lines = parts.stream()
                .map(p -> new PurchaseOrderRequest.Line(p, cast.reorderQuantities.get(p), null))
                .toList();
        long id = history.at(clock.next(), () -> {
            long created = plant.purchaseOrders
                    .create(
                            cast.manager,
                            new PurchaseOrderRequest(
                                    cast.supplierIds.get(supplier), clock.day().plusDays(lead + 1), null, lines))
                    .id();
            history.stamp("purchase_orders", created, "created_at", "updated_at");
            return created;
        });
        onOrder.addAll(parts);
        if (fate == Fate.DRAFT) {
            return;
        }
        history.at(clock.next(), () -> {
            plant.purchaseOrderLifecycle.submit(cast.manager, id);
            history.stamp("purchase_orders", id, "submitted_at", "updated_at");
        });
        Runnable release = () -> {
            if (!keep) {
                parts.forEach(onOrder::remove);
            }
        };
        switch (fate) {
            case PENDING -> {}
            case REJECTED ->
                clock.plan(
                        1,
                        () -> history.at(clock.next(), () -> {
                            plant.purchaseOrderLifecycle.reject(
                                    cast.admin,
                                    id,
                                    plant.purchaseOrders.get(id).version(),
                                    new RejectRequest(
                                            "Too dear: ask " + supplier + " for this quarter's price list first"));
                            history.stamp("purchase_orders", id, "rejected_at", "updated_at");
                            release.run();
                        }));
            default ->
                clock.plan(1, () -> {
                    history.at(clock.next(), () -> {
                        plant.purchaseOrderLifecycle.approve(
                                cast.admin, id, plant.purchaseOrders.get(id).version());
                        history.stamp("purchase_orders", id, "approved_at", "updated_at");
                    });
                    if (fate == Fate.CANCELLED) {
                        clock.plan(
                                2,
                                () -> history.at(clock.next(), () -> {
                                    plant.purchaseOrderLifecycle.cancel(id);
                                    history.stamp("purchase_orders", id, "cancelled_at", "updated_at");
                                    release.run();
                                }));
                    } else if (fate == Fate.PARTIAL) {
                        clock.plan(lead, () -> {
                            history.at(clock.next(), () -> {
                                PurchaseOrderResponse order = plant.purchaseOrders.get(id);
                                List<ReceiveRequest.Line> half = order.lines().stream()
                                        .map(l -> new ReceiveRequest.Line(l.id(), Math.max(1, l.quantity() / 2)))
                                        .toList();
                                plant.purchaseOrderReceipts.receive(cast.manager, id, new ReceiveRequest(half));
                                history.stamp("purchase_orders", id, "updated_at");
                            });
                            if (!keep) {
                                clock.plan(
                                        2 + random.nextInt(3),
                                        () -> history.at(clock.next(), () -> {
                                            plant.purchaseOrderReceipts.deliver(cast.manager, id);
                                            history.stamp("purchase_orders", id, "received_at", "updated_at");
                                            release.run();
                                        }));
                            }
                        });
                    } else if (fate == Fate.RECEIVED) {
                        clock.plan(
                                lead,
                                () -> history.at(clock.next(), () -> {
                                    plant.purchaseOrderReceipts.deliver(cast.manager, id);
                                    history.stamp("purchase_orders", id, "received_at", "updated_at");
                                    release.run();
                                }));
                    }
                });
        }
    }
}
