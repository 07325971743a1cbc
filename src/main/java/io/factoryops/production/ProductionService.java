package io.factoryops.production;

import io.factoryops.catalog.ProductService;
import io.factoryops.catalog.ProductSummary;
import io.factoryops.events.EventPublisher;
import io.factoryops.events.EventType;
import io.factoryops.identity.Caller;
import io.factoryops.inventory.BomService;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReference;
import io.factoryops.stock.StockService;
import io.factoryops.workforce.EmployeeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Production records. Recording one adds its units to stock; changing it moves the difference;
 * deleting it takes the units back, or fails with 409 {@code INSUFFICIENT_STOCK} when they were sold.
 */
@ApplicationScoped
public class ProductionService {

    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("id", "production_date", "quantity", "created_at");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    EmployeeService employees;

    @Inject
    ProductService products;

    @Inject
    StockService stock;

    @Inject
    BomService boms;

    @Inject
    AuditService audit;

    @Inject
    EventPublisher events;

    @Inject
    Event<ProductionCounted> counted;

    /** Filters of the list. Parsed from {@link ProductionListParameters}. */
    public record Filter(Long employeeId, Long productId, LocalDate dateFrom, LocalDate dateTo) {}

    @Transactional
    public Page<ProductionResponse> list(PageRequest page, Filter filter) {
        Page<ProductionRecord> found = JpaPaging.find(em, ProductionRecord.class, page, SORT_ATTRIBUTES, where(filter));
        // the page's product and employee names in two queries, not two per record
        Map<Long, ProductSummary> summaries = products.summaries(found.data().stream()
                .map(ProductionRecord::getProductId)
                .distinct()
                .toList());
        Map<Long, String> names = employees.names(found.data().stream()
                .map(ProductionRecord::getEmployeeId)
                .distinct()
                .toList());
        return found.map(r -> view(r, summaries.get(r.getProductId()).name(), names.get(r.getEmployeeId())));
    }

    /**
     * The export of the list: every record its filters select, in its sort, with the names of its product
     * and employee, streamed when the caller runs {@link Rows#forEach} (a transaction per chunk). The names of the
     * products and employees a chunk of records names are read with the chunk, in two queries, not two
     * per record.
     */
    @Transactional
    public Rows<ProductionResponse> export(PageRequest page, Filter filter) {
        JpaPaging.Filter<ProductionRecord> where = where(filter);
        return JpaPaging.rows(em, ProductionRecord.class, page, SORT_ATTRIBUTES, where, chunk -> {
            Map<Long, ProductSummary> summaries = products.summaries(chunk.stream()
                    .map(ProductionRecord::getProductId)
                    .distinct()
                    .toList());
            Map<Long, String> names = employees.names(chunk.stream()
                    .map(ProductionRecord::getEmployeeId)
                    .distinct()
                    .toList());
            return chunk.stream()
                    .map(r -> view(r, summaries.get(r.getProductId()).name(), names.get(r.getEmployeeId())))
                    .toList();
        });
    }

    /** The WHERE of the list and of its export. */
    private static JpaPaging.Filter<ProductionRecord> where(Filter filter) {
        return (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.employeeId() != null) {
                where.add(cb.equal(root.get("employeeId"), filter.employeeId()));
            }
            if (filter.productId() != null) {
                where.add(cb.equal(root.get("productId"), filter.productId()));
            }
            if (filter.dateFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("productionDate"), filter.dateFrom()));
            }
            if (filter.dateTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("productionDate"), filter.dateTo()));
            }
            return where;
        };
    }

    @Transactional
    public ProductionResponse get(long id) {
        ProductionRecord record = find(id);
        return view(record, summary(record.getProductId()));
    }

    /**
     * Records production: locks the stock items of the product and of the parts its bill of materials
     * takes, together (the ledger's lock order, before the record that refers to the product is
     * inserted), consumes the parts, or fails whole naming each short part, and adds the units.
     */
    @Transactional
    public ProductionResponse create(Caller caller, ProductionRequest request) {
        LocalDate date = dateOf(request);
        ProductSummary product = summary(request.productId());
        Map<Long, Integer> needs = boms.requirements(request.productId(), request.quantity());
        Set<Long> items = new TreeSet<>(needs.keySet());
        items.add(product.stockItemId());
        StockService.Locked locked = stock.lock(items);
        employees.get(request.employeeId());
        ProductionRecord record = new ProductionRecord(caller.username());
        record.describe(request.employeeId(), request.productId(), request.quantity(), date);
        em.persist(record);
        em.flush();
        stock.takeAll(locked, needs, StockReason.PRODUCTION_CONSUMPTION, reference(record), null);
        stock.add(locked, product.stockItemId(), record.getQuantity(), StockReason.PRODUCTION, reference(record), null);
        counted.fire(ProductionCounted.of(record, +1));
        ProductionResponse created = view(record, product);
        audit.record(AuditAction.CREATE, "production", record.getId(), null, created);
        events.publish(EventType.PRODUCTION_RECORDED, record.getId(), created);
        return created;
    }

    /**
     * Changes a record: the stock of the old and the new product (the same or two) moves by the
     * difference; when the product or the quantity changes, the parts it consumed are given back and the
     * new bill of materials consumed, netted per part. Every item is locked together first.
     */
    @Transactional
    public ProductionResponse replace(long id, Long expectedVersion, ProductionRequest request) {
        ProductionRecord record = find(id);
        Versions.check(record, expectedVersion, "Production record");
        Map<Long, ProductSummary> products =
                this.products.summaries(new TreeSet<>(List.of(record.getProductId(), request.productId())));
        boolean recount = record.getProductId() != request.productId() || record.getQuantity() != request.quantity();
        Map<Long, Integer> partMoves = recount ? partMoves(record, request) : Map.of();
        Set<Long> items = new TreeSet<>(partMoves.keySet());
        products.values().forEach(p -> items.add(p.stockItemId()));
        StockService.Locked locked = stock.lock(items);
        ProductionResponse before = view(record, products.get(record.getProductId()));
        employees.get(request.employeeId());
        long oldItem = products.get(record.getProductId()).stockItemId();
        int oldQuantity = record.getQuantity();
        counted.fire(ProductionCounted.of(record, -1));
        record.describe(request.employeeId(), request.productId(), request.quantity(), dateOf(request));
        long newItem = products.get(record.getProductId()).stockItemId();
        if (oldItem == newItem) {
            int delta = record.getQuantity() - oldQuantity;
            if (delta > 0) {
                stock.add(locked, oldItem, delta, StockReason.PRODUCTION_CHANGED, reference(record), null);
            } else if (delta < 0) {
                stock.take(locked, oldItem, -delta, StockReason.PRODUCTION_CHANGED, reference(record), null);
            }
        } else {
            stock.take(locked, oldItem, oldQuantity, StockReason.PRODUCTION_CHANGED, reference(record), null);
            stock.add(locked, newItem, record.getQuantity(), StockReason.PRODUCTION_CHANGED, reference(record), null);
        }
        consume(locked, record, partMoves);
        em.flush();
        counted.fire(ProductionCounted.of(record, +1));
        ProductionResponse after = view(record, products.get(record.getProductId()));
        audit.record(AuditAction.UPDATE, "production", id, before, after);
        return after;
    }

    /**
     * Deletes a record: takes its units back, or fails with 409 when they were sold meanwhile, and gives
     * back the parts it consumed.
     */
    @Transactional
    public void delete(long id, Long expectedVersion) {
        ProductionRecord record = find(id);
        Versions.check(record, expectedVersion, "Production record");
        ProductSummary product = summary(record.getProductId());
        // what it consumed, net: negative per part, so that applying it as moves gives it back
        Map<Long, Integer> giveBack = stock.netMoved(reference(record), StockReason.PRODUCTION_CONSUMPTION);
        Set<Long> items = new TreeSet<>(giveBack.keySet());
        items.add(product.stockItemId());
        StockService.Locked locked = stock.lock(items);
        ProductionResponse before = view(record, product);
        stock.take(
                locked,
                product.stockItemId(),
                record.getQuantity(),
                StockReason.PRODUCTION_DELETED,
                reference(record),
                null);
        consume(locked, record, giveBack);
        counted.fire(ProductionCounted.of(record, -1));
        em.remove(record);
        em.flush();
        audit.record(AuditAction.DELETE, "production", id, before, null);
    }

    /**
     * The part moves that change a record to the request: per part item, what the new bill needs minus
     * what the record consumed (net of what it gave back); positive takes, negative gives back.
     */
    private Map<Long, Integer> partMoves(ProductionRecord record, ProductionRequest request) {
        Map<Long, Integer> moves = new TreeMap<>(boms.requirements(request.productId(), request.quantity()));
        // consumption rows are negative: adding them subtracts what was consumed
        stock.netMoved(reference(record), StockReason.PRODUCTION_CONSUMPTION)
                .forEach((item, net) -> moves.merge(item, net, Integer::sum));
        moves.values().removeIf(n -> n == 0);
        return moves;
    }

    /** Applies part moves (item → units; positive takes, negative gives back): all takes or none. */
    private void consume(StockService.Locked locked, ProductionRecord record, Map<Long, Integer> moves) {
        Map<Long, Integer> takes = new TreeMap<>();
        moves.forEach((item, n) -> {
            if (n > 0) {
                takes.put(item, n);
            } else if (n < 0) {
                stock.add(locked, item, -n, StockReason.PRODUCTION_CONSUMPTION, reference(record), null);
            }
        });
        stock.takeAll(locked, takes, StockReason.PRODUCTION_CONSUMPTION, reference(record), null);
    }

    private ProductionRecord find(long id) {
        ProductionRecord record = em.find(ProductionRecord.class, id);
        if (record == null) {
            throw ApiException.notFound("Production record", id);
        }
        return record;
    }

    private ProductSummary summary(long productId) {
        return products.summaries(List.of(productId)).get(productId);
    }

    private ProductionResponse view(ProductionRecord r, ProductSummary product) {
        return view(r, product.name(), employees.get(r.getEmployeeId()).name());
    }

    private static ProductionResponse view(ProductionRecord r, String productName, String employeeName) {
        return new ProductionResponse(
                r.getId(),
                r.getEmployeeId(),
                employeeName,
                r.getProductId(),
                productName,
                r.getQuantity(),
                r.getProductionDate(),
                r.getCreatedBy(),
                r.getVersion(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private static StockReference reference(ProductionRecord record) {
        return StockReference.productionRecord(record.getId());
    }

    private static LocalDate dateOf(ProductionRequest request) {
        return request.productionDate() == null ? LocalDate.now(ZoneOffset.UTC) : request.productionDate();
    }
}
