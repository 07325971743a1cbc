package io.factoryops.procurement;

import static io.factoryops.platform.db.SqlReads.instant;

import io.factoryops.platform.db.SqlReads;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReferenceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What procurement tells the read models (the dashboard's spend, the purchase-order and supplier reports) about
 * its purchase orders, receipts and suppliers, in bulk: each read one statement over a range of an index,
 * computed by the database. The reads of a period take an optional supplier (null: every supplier) and join the
 * caller's transaction; {@link #receivedValue} runs on the caller's connection.
 *
 * <p>What was received is valued by its ledger rows: the units each receipt added to stock × the unit cost of
 * the purchase-order line of that part (a purchase order lists each part once).
 */
@ApplicationScoped
public class PurchaseOrderFacts {

    private static final String RECEIPTS = "FROM purchase_order_receipts r ";
    private static final String RECEIVED_UNITS = ""
            + "JOIN stock_movements m ON m.reference_type = ? AND m.reference_id = r.id AND m.reason = ? "
            + "JOIN parts p ON p.stock_item_id = m.stock_item_id "
            + "JOIN purchase_order_lines l ON l.purchase_order_id = r.purchase_order_id AND l.part_id = p.id ";

    @Inject
    SqlReads sql;

    /** Purchase orders of one status: how many, and their total amount. */
    public record StatusTotal(PurchaseOrderStatus status, long orders, BigDecimal amount) {}

    /** A supplier's purchase orders: how many, and their total amount (or what was received from it). */
    public record SupplierTotal(long supplierId, String code, String name, long orders, BigDecimal amount) {}

    /** A purchase order received whole: its supplier, when it was approved (or null) and received, and expected. */
    public record Received(long supplierId, Instant approvedAt, Instant receivedAt, LocalDate expectedDate) {}

    /** An approved or partly received purchase order past its expected date. */
    public record Overdue(
            long id,
            String poNumber,
            long supplierId,
            String supplierName,
            PurchaseOrderStatus status,
            LocalDate expectedDate,
            BigDecimal totalAmount) {}

    /** When a purchase order was submitted (null if never: approved as raised) and approved. */
    public record Approval(Instant submittedAt, Instant approvedAt) {}

    /** A supplier as the reports name it. */
    public record SupplierTerms(long id, String code, String name, Integer leadTimeDays) {}

    /** The statuses of an order that is still to be received. */
    private static final List<PurchaseOrderStatus> OPEN =
            List.of(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    /**
     * The value received from {@code from} (inclusive) to {@code to} (exclusive), on the caller's connection:
     * the receipts of the period (ix_purchase_order_receipts_received) with their ledger rows.
     */
    public static BigDecimal receivedValue(Connection c, Instant from, Instant to) throws SQLException {
        return SqlReads.one(
                c,
                "SELECT COALESCE(SUM(m.delta * l.unit_cost), 0) " + RECEIPTS + RECEIVED_UNITS
                        + "WHERE r.received_at >= ? AND r.received_at < ?",
                List.of(StockReferenceType.PURCHASE_ORDER_RECEIPT, StockReason.PURCHASE_RECEIPT, from, to),
                rs -> rs.getBigDecimal(1));
    }

    /** The value received per supplier between two instants (inclusive); the code and name are left null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SupplierTotal> receivedValuePerSupplier(Instant start, Instant end, Long supplier) {
        return sql.list(
                "SELECT po.supplier_id, COALESCE(SUM(m.delta * l.unit_cost), 0) " + RECEIPTS
                        + "JOIN purchase_orders po ON po.id = r.purchase_order_id " + RECEIVED_UNITS
                        + "WHERE r.received_at >= ? AND r.received_at <= ?" + bySupplier(supplier)
                        + " GROUP BY po.supplier_id",
                parameters(
                        supplier, StockReferenceType.PURCHASE_ORDER_RECEIPT, StockReason.PURCHASE_RECEIPT, start, end),
                rs -> new SupplierTotal(rs.getLong(1), null, null, 0, rs.getBigDecimal(2)));
    }

    /** The purchase orders received whole between two instants (inclusive). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Received> receivedWhole(Instant start, Instant end, Long supplier) {
        return sql.list(
                "SELECT po.supplier_id, po.approved_at, po.received_at, po.expected_date FROM purchase_orders po "
                        + "WHERE po.status = ? AND po.received_at >= ? AND po.received_at <= ?" + bySupplier(supplier),
                parameters(supplier, PurchaseOrderStatus.RECEIVED, start, end),
                rs -> new Received(rs.getLong(1), instant(rs, 2), instant(rs, 3), SqlReads.date(rs, 4)));
    }

    /** The purchase orders rejected between two instants (inclusive), per supplier; code and name left null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SupplierTotal> rejectedPerSupplier(Instant start, Instant end, Long supplier) {
        return sql.list(
                "SELECT po.supplier_id, COUNT(*) FROM purchase_orders po WHERE po.rejected_at >= ? "
                        + "AND po.rejected_at <= ?" + bySupplier(supplier) + " GROUP BY po.supplier_id",
                parameters(supplier, start, end),
                rs -> new SupplierTotal(rs.getLong(1), null, null, rs.getLong(2), null));
    }

    /** These suppliers, in id order (unknown ids left out): one primary-key query per 500. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SupplierTerms> suppliers(Collection<Long> ids) {
        List<SupplierTerms> rows = new ArrayList<>();
        List<Long> all = List.copyOf(new TreeSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            rows.addAll(sql.list(
                    "SELECT id, code, name, lead_time_days FROM suppliers WHERE id IN ("
                            + SqlReads.placeholders(chunk.size()) + ")",
                    chunk,
                    rs -> new SupplierTerms(rs.getLong(1), rs.getString(2), rs.getString(3), SqlReads.integer(rs, 4))));
        }
        return rows;
    }

    /** The purchase orders created between two instants (inclusive), per status (the statuses with any). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StatusTotal> createdPerStatus(Instant start, Instant end, Long supplier) {
        return sql.list(
                "SELECT po.status, COUNT(*), COALESCE(SUM(po.total_amount), 0) FROM purchase_orders po "
                        + "WHERE po.created_at >= ? AND po.created_at <= ?" + bySupplier(supplier)
                        + " GROUP BY po.status",
                parameters(supplier, start, end),
                rs -> new StatusTotal(
                        PurchaseOrderStatus.valueOf(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3)));
    }

    /** The purchase orders created between two instants (inclusive), per supplier, highest amount first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SupplierTotal> createdPerSupplier(Instant start, Instant end, Long supplier) {
        return sql.list(
                "SELECT po.supplier_id, s.code, s.name, COUNT(*), "
                        + "COALESCE(SUM(po.total_amount), 0) FROM purchase_orders po "
                        + "JOIN suppliers s ON s.id = po.supplier_id "
                        + "WHERE po.created_at >= ? AND po.created_at <= ?" + bySupplier(supplier)
                        + " GROUP BY po.supplier_id, s.code, s.name ORDER BY 5 DESC, 1",
                parameters(supplier, start, end),
                rs -> new SupplierTotal(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)));
    }

    /** The purchase orders approved between two instants (inclusive). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Approval> approvals(Instant start, Instant end, Long supplier) {
        return sql.list(
                "SELECT po.submitted_at, po.approved_at FROM purchase_orders po "
                        + "WHERE po.approved_at >= ? AND po.approved_at <= ?" + bySupplier(supplier),
                parameters(supplier, start, end),
                rs -> new Approval(instant(rs, 1), instant(rs, 2)));
    }

    private static final String OVERDUE = "FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id "
            + "WHERE po.status IN (?, ?) AND po.expected_date < ?";

    /** How many purchase orders are still to be received and expected before {@code today}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long overdueCount(LocalDate today, Long supplier) {
        return sql.count(
                "SELECT COUNT(*) " + OVERDUE + bySupplier(supplier),
                parameters(supplier, OPEN.get(0), OPEN.get(1), today));
    }

    /** The purchase orders still to be received and expected before {@code today}, longest overdue first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Overdue> overdue(LocalDate today, Long supplier, int limit) {
        List<Object> parameters = parameters(supplier, OPEN.get(0), OPEN.get(1), today);
        parameters.add(limit);
        return sql.list(
                "SELECT po.id, po.po_number, po.supplier_id, s.name, "
                        + "po.status, po.expected_date, po.total_amount " + OVERDUE + bySupplier(supplier)
                        + " ORDER BY po.expected_date, po.id LIMIT ?",
                parameters,
                rs -> new Overdue(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        PurchaseOrderStatus.valueOf(rs.getString(5)),
                        SqlReads.date(rs, 6),
                        rs.getBigDecimal(7)));
    }

    private static String bySupplier(Long supplier) {
        return supplier == null ? "" : " AND po.supplier_id = ?";
    }

    /** {@code first}, then the supplier when one is asked for. */
    private static List<Object> parameters(Long supplier, Object... first) {
        List<Object> parameters = new ArrayList<>(List.of(first));
        if (supplier != null) {
            parameters.add(supplier);
        }
        return parameters;
    }
}
