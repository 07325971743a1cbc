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
import io.factoryops.production.ProductionRequest;
import io.factoryops.sales.OrderRequest;
import io.factoryops.sales.OrderResponse;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The plant's {@value DemoPlant#DAYS} days, told in order: each day first does what earlier days planned for it
 * (ship and complete orders, start and complete tickets, approve and receive purchase orders), then produces,
 * sells, repairs and reorders. What is planned past today stays undone, so the newest documents are still placed,
 * open, pending or approved. Nothing is attempted that a service would refuse (the stock is read before it is
 * taken), since a refusal would roll the whole load back. The last days add one purchase order for each state
 * that the story may not reach by itself, on the parts that run short.
 */
final class DemoStory {

    private static final String VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final String[] PRIORITIES = {"low", "normal", "normal", "normal", "high", "urgent"};

    private final DemoPlant plant;
    private final DemoPlant.Cast cast;
    private final Random random;
    private final DemoHistory history;
    private final DemoClock clock;
    private final DemoPurchasing purchasing;
    /** Stock item → its part, and the units of each part that the story keeps (scarce parts keep half their level). */
    private final Map<Long, Long> partOfItem = new HashMap<>();

    private final Map<Long, Integer> floors = new HashMap<>();
    private final Map<Long, Integer> reorderLevels = new HashMap<>();
    private final List<Long> sellable = new ArrayList<>();

    DemoStory(DemoPlant plant, DemoPlant.Cast cast, Random random, DemoHistory history, LocalDate today, Instant now) {
        this.plant = plant;
        this.cast = cast;
        this.random = random;
        this.history = history;
        this.clock = new DemoClock(today, now);
        plant.parts
                .summaries(cast.partIds.values(), "part")
                .forEach((id, part) -> partOfItem.put(part.stockItemId(), id));
        cast.partIds.forEach((sku, id) -> {
            int level = plant.parts.get(id).reorderLevel();
            reorderLevels.put(id, level);
            floors.put(id, DemoNames.SCARCE.contains(sku) ? Math.max(1, level / 2) : 0);
        });
        this.purchasing = new DemoPurchasing(plant, cast, random, history, clock, reorderLevels);
        cast.productIds.forEach((sku, id) -> {
            if (!sku.equals("TRN-DAY")) {
                sellable.add(id);
            }
        });
    }

    void tell() {
        for (long back = DemoPlant.DAYS - 1; back >= 0; back--) {
            LocalDate day = clock.begin(back);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend) {
                produce();
                repair();
            }
            sell(weekend ? random.nextInt(2) : 2 + random.nextInt(5));
            purchasing.reorder();
            showcase(back);
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
            history.at(clock.next(), () -> {
                long id = plant.production
                        .create(cast.manager, new ProductionRequest(employee, product, quantity, clock.day()))
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
            long id = history.at(clock.next(), () -> {
                OrderResponse placed = plant.orders.place(seller, new OrderRequest(customer, order, null, null));
                history.stamp("orders", placed.id(), "order_date", "created_at", "updated_at");
                return placed.id();
            });
            if (random.nextInt(14) == 0) {
                clock.plan(
                        random.nextInt(2),
                        () -> history.at(clock.next(), () -> {
                            plant.orderLifecycle.cancel(cast.admin, id);
                            history.stamp("orders", id, "updated_at");
                        }));
            } else {
                int shipIn = 1 + random.nextInt(2);
                int completeIn = 2 + random.nextInt(4);
                clock.plan(shipIn, () -> {
                    history.at(clock.next(), () -> {
                        plant.orderLifecycle.ship(cast.admin, id);
                        history.stamp("orders", id, "updated_at");
                    });
                    clock.plan(
                            completeIn,
                            () -> history.at(clock.next(), () -> {
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
                    clock.day(),
                    PRIORITIES[random.nextInt(PRIORITIES.length)],
                    vin(),
                    null,
                    DemoNames.MAKES.get(model),
                    DemoNames.MODELS.get(model),
                    2012 + random.nextInt(13));
            long id = history.at(clock.next(), () -> {
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
            clock.plan(
                    assignIn,
                    () -> history.at(clock.next(), () -> {
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
            clock.plan(startIn, () -> {
                history.at(clock.next(), () -> {
                    plant.ticketLifecycle.start(cast.manager, id);
                    history.stamp("service_tickets", id, "started_at", "updated_at");
                });
                for (long[] line : fitted) {
                    PartSummary part =
                            plant.parts.summaries(List.of(line[0]), "part").get(line[0]);
                    if (part.quantity() - floors.get(line[0]) >= line[1]) {
                        history.at(clock.next(), () -> {
                            plant.ticketWork.fitPart(cast.manager, id, new TicketPartRequest(line[0], (int) line[1]));
                            history.stamp("service_tickets", id, "updated_at");
                        });
                    }
                }
            });
            clock.plan(
                    endIn,
                    () -> history.at(clock.next(), () -> {
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

    /**
     * The last days' purchase orders for the parts that run short, one per state that the story may not reach by
     * itself (received ones it always has), and one part damaged to nothing: a plant with something to do.
     */
    private void showcase(long back) {
        List<Long> scarce = DemoNames.SCARCE.stream().map(cast.partIds::get).toList();
        switch ((int) back) {
            case 12 ->
                purchasing.purchase(
                        cast.partSuppliers.get(cast.partIds.get("TAPE-PTFE")),
                        List.of(cast.partIds.get("TAPE-PTFE")),
                        DemoPurchasing.Fate.PARTIAL,
                        true);
            case 6 ->
                purchasing.purchase(
                        cast.partSuppliers.get(scarce.get(1)),
                        List.of(scarce.get(1)),
                        DemoPurchasing.Fate.APPROVED,
                        true);
            case 4 ->
                purchasing.purchase(
                        cast.partSuppliers.get(scarce.get(2)),
                        List.of(scarce.get(2)),
                        DemoPurchasing.Fate.REJECTED,
                        true);
            case 3 ->
                purchasing.purchase(
                        cast.partSuppliers.get(scarce.get(3)),
                        List.of(scarce.get(3)),
                        DemoPurchasing.Fate.CANCELLED,
                        true);
            case 2 -> {
                long part = scarce.get(0);
                int left = plant.parts.get(part).quantity();
                if (left > 0) {
                    history.at(
                            clock.next(),
                            () -> plant.parts.removeStock(
                                    part,
                                    new PartStockRequest(
                                            left, "DAMAGE", "Batch failed the pressure test; returned to supplier")));
                }
            }
            case 1 -> {
                purchasing.purchase(
                        cast.partSuppliers.get(scarce.get(4)),
                        List.of(scarce.get(4)),
                        DemoPurchasing.Fate.PENDING,
                        true);
                // a ticket the demo mechanic is working on
                long id = openTicket(
                        cast.manager,
                        cast.customerIds.get(1),
                        "Pump loses pressure after an hour",
                        "high",
                        "Grundfos",
                        "CR 10",
                        2019);
                history.at(clock.next(), () -> {
                    plant.ticketWork.take(cast.mechanic, id);
                    plant.ticketLifecycle.start(cast.mechanic, id);
                    history.stamp("service_tickets", id, "started_at", "updated_at");
                });
            }
            case 0 -> {
                purchasing.purchase(
                        cast.partSuppliers.get(scarce.get(5)), List.of(scarce.get(5)), DemoPurchasing.Fate.DRAFT, true);
                // the demo customer's newest ticket, waiting in the mechanics' queue
                openTicket(
                        cast.customer,
                        null,
                        "Strange noise from the motor at start-up",
                        "normal",
                        "Wilo",
                        "Helix V",
                        2021);
            }
            default -> {}
        }
    }

    /** A ticket opened now for a pump, by a manager for a customer or by the customer themselves (no id). */
    private long openTicket(
            Caller by, Long customerId, String problem, String priority, String make, String model, int year) {
        return history.at(clock.next(), () -> {
            long created = plant.tickets
                    .create(
                            by,
                            new ServiceTicketRequest(
                                    customerId, problem, clock.day(), priority, vin(), null, make, model, year))
                    .id();
            history.stamp("service_tickets", created, "created_at", "updated_at");
            return created;
        });
    }
}
