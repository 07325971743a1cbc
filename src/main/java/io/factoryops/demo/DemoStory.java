package io.factoryops.demo;

import io.factoryops.catalog.ProductSummary;
import io.factoryops.identity.Caller;
import io.factoryops.inventory.PartStockRequest;
import io.factoryops.inventory.PartSummary;
import io.factoryops.maintenance.LabourRequest;
import io.factoryops.maintenance.MechanicsEditRequest;
import io.factoryops.maintenance.ServiceTicketRequest;
import io.factoryops.maintenance.ServiceTicketResponse;
import io.factoryops.maintenance.TicketPartRequest;
import io.factoryops.procurement.PurchaseOrderRequest;
import io.factoryops.procurement.PurchaseOrderResponse;
import io.factoryops.procurement.ReceiveRequest;
import io.factoryops.procurement.RejectRequest;
import io.factoryops.production.ProductionRequest;
import io.factoryops.sales.OrderRequest;
import io.factoryops.sales.OrderResponse;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plant's {@value DemoPlant#DAYS} days, told in order: each day first does what earlier days planned for it
 * (ship and complete orders, start and complete tickets, approve and receive purchase orders), then produces,
 * sells, repairs and reorders. What is planned past today stays undone, so the newest documents are still placed,
 * open, pending or approved. Nothing is attempted that a service would refuse (the stock is read before it is
 * taken), since a refusal would roll the whole load back. The last days add one purchase order for each state
 * that the story may not reach by itself, on the parts that run short.
 */
final class DemoStory {

    /** Event times of one day: this many steps between its first and its last. */
    private static final int SLOTS = 160;

    private static final String VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final String[] PRIORITIES = {"low", "normal", "normal", "normal", "high", "urgent"};

    private final DemoPlant plant;
    private final DemoPlant.Cast cast;
    private final Random random;
    private final DemoHistory history;
    private final LocalDate today;
    private final Instant now;

    /** What earlier days planned, by day. */
    private final Map<LocalDate, List<Runnable>> agenda = new TreeMap<>();
    /** Parts on an open purchase order: not reordered again. */
    private final Set<Long> onOrder = new HashSet<>();
    /** Stock item → its part, and the units of each part that the story keeps (scarce parts keep half their level). */
    private final Map<Long, Long> partOfItem = new HashMap<>();

    private final Map<Long, Integer> floors = new HashMap<>();
    private final Map<Long, Integer> reorderLevels = new HashMap<>();
    private final List<Long> sellable = new ArrayList<>();

    private LocalDate day;
    private int slot;

    DemoStory(DemoPlant plant, DemoPlant.Cast cast, Random random, DemoHistory history, LocalDate today, Instant now) {
        this.plant = plant;
        this.cast = cast;
        this.random = random;
        this.history = history;
        this.today = today;
        this.now = now;
        plant.parts
                .summaries(cast.partIds.values(), "part")
                .forEach((id, part) -> partOfItem.put(part.stockItemId(), id));
        cast.partIds.forEach((sku, id) -> {
            int level = plant.parts.get(id).reorderLevel();
            reorderLevels.put(id, level);
            floors.put(id, DemoNames.SCARCE.contains(sku) ? Math.max(1, level / 2) : 0);
        });
        cast.productIds.forEach((sku, id) -> {
            if (!sku.equals("TRN-DAY")) {
                sellable.add(id);
            }
        });
    }

    void tell() {
        for (long back = DemoPlant.DAYS - 1; back >= 0; back--) {
            day = today.minusDays(back);
            slot = 0;
            List<Runnable> due = agenda.remove(day);
            if (due != null) {
                due.forEach(Runnable::run);
            }
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend) {
                produce();
                repair();
            }
            sell(weekend ? random.nextInt(2) : 2 + random.nextInt(5));
            reorder();
            showcase(back);
        }
    }

    // ---- time

    /** The next moment of the day: past days between 08:00 and 18:00, today in the ten hours before now. */
    private Instant next() {
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        Instant end = day.atTime(18, 0).toInstant(ZoneOffset.UTC);
        if (day.equals(today)) {
            Instant midnight = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            end = now.minusSeconds(60).isBefore(midnight) ? midnight : now.minusSeconds(60);
            start = end.minus(Duration.ofHours(10)).isBefore(midnight) ? midnight : end.minus(Duration.ofHours(10));
        }
        long step = Duration.between(start, end).toMillis() / SLOTS;
        return start.plusMillis(step * Math.min(slot++, SLOTS));
    }

    /** Does it today ({@code inDays} 0), or on that day unless that is after today. */
    private void plan(long inDays, Runnable action) {
        LocalDate when = day.plusDays(inDays);
        if (inDays == 0) {
            action.run();
        } else if (!when.isAfter(today)) {
            agenda.computeIfAbsent(when, d -> new ArrayList<>()).add(action);
        }
    }

    // ---- production

    private void produce() {
        int records = 1 + random.nextInt(3);
        for (int i = 0; i < records; i++) {
            // the planner makes what is lowest against its reorder level, of what its parts allow
            Map<Long, ProductSummary> stock = plant.products.summaries(sellable);
            List<Long> lowest = new ArrayList<>(sellable);
            lowest.sort((a, b) ->
                    Integer.compare(stock.get(a).stockQuantity(), stock.get(b).stockQuantity()));
            Map<Long, Integer> feasible = new LinkedHashMap<>();
            for (long product : lowest) {
                int units = feasible(product);
                if (units > 0) {
                    feasible.put(product, units);
                }
                if (feasible.size() == 5) {
                    break;
                }
            }
            if (feasible.isEmpty()) {
                return;
            }
            List<Long> choice = new ArrayList<>(feasible.keySet());
            long product = choice.get(random.nextInt(choice.size()));
            int quantity = Math.min(8 + random.nextInt(17), feasible.get(product));
            long employee = cast.employeeIds.get(random.nextInt(cast.employeeIds.size()));
            history.at(next(), () -> {
                long id = plant.production
                        .create(cast.manager, new ProductionRequest(employee, product, quantity, day))
                        .id();
                history.stamp("production_records", id, "created_at", "updated_at");
            });
        }
    }

    /** How many units of a product its bill of materials allows now (a product without one: any). */
    private int feasible(long product) {
        Map<Long, Integer> perUnit = plant.boms.requirements(product, 1);
        int units = Integer.MAX_VALUE;
        if (!perUnit.isEmpty()) {
            Map<Long, PartSummary> parts = plant.parts.summaries(
                    perUnit.keySet().stream().map(partOfItem::get).toList(), "part");
            for (Map.Entry<Long, Integer> need : perUnit.entrySet()) {
                long part = partOfItem.get(need.getKey());
                units = Math.min(units, Math.max(0, parts.get(part).quantity() - floors.get(part)) / need.getValue());
            }
        }
        return units;
    }

    // ---- sales

    private void sell(int count) {
        for (int i = 0; i < count; i++) {
            long customer = cast.customerIds.get(pareto(cast.customerIds.size()));
            Map<Long, Integer> wanted = new LinkedHashMap<>();
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                long product = random.nextInt(30) == 0
                        ? cast.productIds.get("TRN-DAY")
                        : sellable.get(random.nextInt(sellable.size()));
                wanted.putIfAbsent(product, product == cast.productIds.get("TRN-DAY") ? 1 : 1 + random.nextInt(6));
            }
            Map<Long, ProductSummary> stock = plant.products.summaries(wanted.keySet());
            List<OrderRequest.OrderLineRequest> order = new ArrayList<>();
            wanted.forEach((product, n) -> {
                if (stock.get(product).stockQuantity() >= n) {
                    order.add(new OrderRequest.OrderLineRequest(product, n));
                }
            });
            if (order.isEmpty()) {
                continue;
            }
            Caller seller = random.nextInt(3) == 0 ? cast.manager : cast.user;
            long id = history.at(next(), () -> {
                OrderResponse placed = plant.orders.place(seller, new OrderRequest(customer, order, null, null));
                history.stamp("orders", placed.id(), "order_date", "created_at", "updated_at");
                return placed.id();
            });
            if (random.nextInt(14) == 0) {
                plan(
                        random.nextInt(2),
                        () -> history.at(next(), () -> {
                            plant.orderLifecycle.cancel(cast.admin, id);
                            history.stamp("orders", id, "updated_at");
                        }));
            } else {
                int shipIn = 1 + random.nextInt(2);
                int completeIn = 2 + random.nextInt(4);
                plan(shipIn, () -> {
                    history.at(next(), () -> {
                        plant.orderLifecycle.ship(cast.admin, id);
                        history.stamp("orders", id, "updated_at");
                    });
                    plan(
                            completeIn,
                            () -> history.at(next(), () -> {
                                plant.orderLifecycle.complete(cast.admin, id);
                                history.stamp("orders", id, "updated_at");
                            }));
                });
            }
        }
    }

    /** An index of 0..n-1, the low ones far likelier: a few customers buy most. */
    private int pareto(int n) {
        double r = random.nextDouble();
        return (int) (n * r * r);
    }

    // ---- maintenance

    private void repair() {
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            boolean own = random.nextInt(6) == 0;
            Caller opener = own ? cast.customer : cast.manager;
            Long customer = own ? null : cast.customerIds.get(pareto(cast.customerIds.size()));
            int model = random.nextInt(DemoNames.MAKES.size());
            ServiceTicketRequest request = new ServiceTicketRequest(
                    customer,
                    DemoNames.FAULTS.get(random.nextInt(DemoNames.FAULTS.size())),
                    day,
                    PRIORITIES[random.nextInt(PRIORITIES.length)],
                    vin(),
                    null,
                    DemoNames.MAKES.get(model),
                    DemoNames.MODELS.get(model),
                    2012 + random.nextInt(13));
            long id = history.at(next(), () -> {
                long created = plant.tickets.create(opener, request).id();
                history.stamp("service_tickets", created, "created_at", "updated_at");
                return created;
            });
            List<Long> crew = new ArrayList<>();
            boolean taken = random.nextInt(3) == 0;
            int assignIn = random.nextInt(2);
            int startIn = assignIn + random.nextInt(2);
            int endIn = startIn + 1 + random.nextInt(3);
            boolean cancelled = random.nextInt(12) == 0;
            List<long[]> fitted = new ArrayList<>();
            for (int p = random.nextInt(3); p > 0; p--) {
                List<Long> all = new ArrayList<>(cast.partIds.values());
                long part = all.get(random.nextInt(all.size()));
                fitted.add(new long[] {part, 1 + random.nextInt(reorderLevels.get(part) > 50 ? 6 : 2)});
            }
            BigDecimal[] hours = {quarterHours(), quarterHours()};
            plan(
                    assignIn,
                    () -> history.at(next(), () -> {
                        if (taken) {
                            plant.ticketWork.take(cast.mechanic, id);
                            crew.add(cast.mechanicId);
                        } else {
                            crew.add(cast.mechanicIds.get(1 + random.nextInt(cast.mechanicIds.size() - 1)));
                            if (random.nextInt(4) == 0 && !crew.contains(cast.mechanicId)) {
                                crew.add(cast.mechanicId);
                            }
                            plant.ticketWork.editMechanics(
                                    cast.manager, id, new MechanicsEditRequest(List.copyOf(crew), null));
                        }
                        history.stamp("service_tickets", id, "updated_at");
                    }));
            plan(startIn, () -> {
                history.at(next(), () -> {
                    plant.ticketLifecycle.start(cast.manager, id);
                    history.stamp("service_tickets", id, "started_at", "updated_at");
                });
                for (long[] line : fitted) {
                    PartSummary part =
                            plant.parts.summaries(List.of(line[0]), "part").get(line[0]);
                    if (part.quantity() - floors.get(line[0]) >= line[1]) {
                        history.at(next(), () -> {
                            plant.ticketWork.fitPart(cast.manager, id, new TicketPartRequest(line[0], (int) line[1]));
                            history.stamp("service_tickets", id, "updated_at");
                        });
                    }
                }
            });
            plan(
                    endIn,
                    () -> history.at(next(), () -> {
                        if (cancelled) {
                            plant.ticketLifecycle.cancel(cast.manager, id);
                            history.stamp("service_tickets", id, "cancelled_at", "updated_at");
                            history.stampReturnedParts(id);
                            return;
                        }
                        for (int m = 0; m < crew.size(); m++) {
                            plant.ticketWork.recordLabour(
                                    cast.manager, id, new LabourRequest(crew.get(m), hours[m % 2]));
                        }
                        ServiceTicketResponse done = plant.ticketLifecycle.complete(cast.manager, id);
                        history.stamp("service_tickets", done.id(), "completed_at", "updated_at");
                    }));
        }
    }

    private BigDecimal quarterHours() {
        return BigDecimal.valueOf(2 + random.nextInt(22)).divide(BigDecimal.valueOf(4));
    }

    private String vin() {
        StringBuilder vin = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            vin.append(VIN_LETTERS.charAt(random.nextInt(VIN_LETTERS.length())));
        }
        return vin.toString();
    }

    // ---- procurement

    /** Parts at or below their reorder level and not on order, by supplier: one purchase order each. */
    private void reorder() {
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

    private enum Fate {
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
     * by the admin the next day (four eyes); approved ones arrive after the supplier's lead time, whole or in two
     * deliveries. {@code keep}: its parts stay "on order" for good (the showcase's).
     */
    private void purchase(String supplier, List<Long> parts, Fate fate, boolean keep) {
        int lead = cast.leadTimes.get(supplier);
        List<PurchaseOrderRequest.Line> lines = parts.stream()
                .map(p -> new PurchaseOrderRequest.Line(p, cast.reorderQuantities.get(p), null))
                .toList();
        long id = history.at(next(), () -> {
            long created = plant.purchaseOrders
                    .create(
                            cast.manager,
                            new PurchaseOrderRequest(
                                    cast.supplierIds.get(supplier), day.plusDays(lead + 1), null, lines))
                    .id();
            history.stamp("purchase_orders", created, "created_at", "updated_at");
            return created;
        });
        onOrder.addAll(parts);
        if (fate == Fate.DRAFT) {
            return;
        }
        history.at(next(), () -> {
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
                plan(
                        1,
                        () -> history.at(next(), () -> {
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
                plan(1, () -> {
                    history.at(next(), () -> {
                        plant.purchaseOrderLifecycle.approve(
                                cast.admin, id, plant.purchaseOrders.get(id).version());
                        history.stamp("purchase_orders", id, "approved_at", "updated_at");
                    });
                    if (fate == Fate.CANCELLED) {
                        plan(
                                2,
                                () -> history.at(next(), () -> {
                                    plant.purchaseOrderLifecycle.cancel(id);
                                    history.stamp("purchase_orders", id, "cancelled_at", "updated_at");
                                    release.run();
                                }));
                    } else if (fate == Fate.PARTIAL) {
                        plan(lead, () -> {
                            history.at(next(), () -> {
                                PurchaseOrderResponse order = plant.purchaseOrders.get(id);
                                List<ReceiveRequest.Line> half = order.lines().stream()
                                        .map(l -> new ReceiveRequest.Line(l.id(), Math.max(1, l.quantity() / 2)))
                                        .toList();
                                plant.purchaseOrderReceipts.receive(cast.manager, id, new ReceiveRequest(half));
                                history.stamp("purchase_orders", id, "updated_at");
                            });
                            if (!keep) {
                                plan(
                                        2 + random.nextInt(3),
                                        () -> history.at(next(), () -> {
                                            plant.purchaseOrderReceipts.deliver(cast.manager, id);
                                            history.stamp("purchase_orders", id, "received_at", "updated_at");
                                            release.run();
                                        }));
                            }
                        });
                    } else if (fate == Fate.RECEIVED) {
                        plan(
                                lead,
                                () -> history.at(next(), () -> {
                                    plant.purchaseOrderReceipts.deliver(cast.manager, id);
                                    history.stamp("purchase_orders", id, "received_at", "updated_at");
                                    release.run();
                                }));
                    }
                });
        }
    }

    /**
     * The last days' purchase orders for the parts that run short, one per state that the story may not reach by
     * itself (received ones it always has), and one part damaged to nothing: a plant with something to do.
     */
    private void showcase(long back) {
        List<Long> scarce = DemoNames.SCARCE.stream().map(cast.partIds::get).toList();
        switch ((int) back) {
            case 12 ->
                purchase(
                        cast.partSuppliers.get(cast.partIds.get("TAPE-PTFE")),
                        List.of(cast.partIds.get("TAPE-PTFE")),
                        Fate.PARTIAL,
                        true);
            case 6 -> purchase(cast.partSuppliers.get(scarce.get(1)), List.of(scarce.get(1)), Fate.APPROVED, true);
            case 4 -> purchase(cast.partSuppliers.get(scarce.get(2)), List.of(scarce.get(2)), Fate.REJECTED, true);
            case 3 -> purchase(cast.partSuppliers.get(scarce.get(3)), List.of(scarce.get(3)), Fate.CANCELLED, true);
            case 2 -> {
                long part = scarce.get(0);
                int left = plant.parts.get(part).quantity();
                if (left > 0) {
                    history.at(
                            next(),
                            () -> plant.parts.removeStock(
                                    part,
                                    new PartStockRequest(
                                            left, "DAMAGE", "Batch failed the pressure test; returned to supplier")));
                }
            }
            case 1 -> {
                purchase(cast.partSuppliers.get(scarce.get(4)), List.of(scarce.get(4)), Fate.PENDING, true);
                // a ticket the demo mechanic is working on
                long id = history.at(next(), () -> {
                    long created = plant.tickets
                            .create(
                                    cast.manager,
                                    new ServiceTicketRequest(
                                            cast.customerIds.get(1),
                                            "Pump loses pressure after an hour",
                                            day,
                                            "high",
                                            vin(),
                                            null,
                                            "Grundfos",
                                            "CR 10",
                                            2019))
                            .id();
                    history.stamp("service_tickets", created, "created_at", "updated_at");
                    return created;
                });
                history.at(next(), () -> {
                    plant.ticketWork.take(cast.mechanic, id);
                    plant.ticketLifecycle.start(cast.mechanic, id);
                    history.stamp("service_tickets", id, "started_at", "updated_at");
                });
            }
            case 0 -> {
                purchase(cast.partSuppliers.get(scarce.get(5)), List.of(scarce.get(5)), Fate.DRAFT, true);
                // the demo customer's newest ticket, waiting in the mechanics' queue
                history.at(next(), () -> {
                    long created = plant.tickets
                            .create(
                                    cast.customer,
                                    new ServiceTicketRequest(
                                            null,
                                            "Strange noise from the motor at start-up",
                                            day,
                                            "normal",
                                            vin(),
                                            null,
                                            "Wilo",
                                            "Helix V",
                                            2021))
                            .id();
                    history.stamp("service_tickets", created, "created_at", "updated_at");
                });
            }
            default -> {}
        }
    }
}
