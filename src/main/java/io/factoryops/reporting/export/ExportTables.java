package io.factoryops.reporting.export;

import static io.factoryops.reporting.export.Column.bool;
import static io.factoryops.reporting.export.Column.date;
import static io.factoryops.reporting.export.Column.decimal;
import static io.factoryops.reporting.export.Column.integer;
import static io.factoryops.reporting.export.Column.summedDecimal;
import static io.factoryops.reporting.export.Column.summedInteger;
import static io.factoryops.reporting.export.Column.text;
import static io.factoryops.reporting.export.Column.timestamp;

import io.factoryops.catalog.ProductResponse;
import io.factoryops.inventory.PartResponse;
import io.factoryops.platform.audit.AuditLogResponse;
import io.factoryops.procurement.PurchaseOrderRow;
import io.factoryops.procurement.SupplierResponse;
import io.factoryops.production.ProductionResponse;
import io.factoryops.sales.CustomerResponse;
import io.factoryops.sales.OrderRow;
import io.factoryops.stock.StockMovementResponse;
import io.factoryops.workforce.EmployeeResponse;
import java.util.List;

/**
 * The columns of each export: the list's JSON properties that a table can hold (no nested lines), by the
 * same names and types; money and quantities are summed in the totals.
 */
final class ExportTables {

    static final Table<ProductResponse> PRODUCTS = Table.of(
            "products",
            "Products",
            integer("id", ProductResponse::id),
            text("sku", ProductResponse::sku),
            text("name", ProductResponse::name),
            text("description", ProductResponse::description),
            decimal("price", ProductResponse::price),
            summedInteger("stock_quantity", ProductResponse::stockQuantity),
            integer("reorder_level", ProductResponse::reorderLevel),
            text("category", ProductResponse::category),
            bool("low_stock", ProductResponse::lowStock),
            text("stock_status", ProductResponse::stockStatus),
            bool("active", ProductResponse::active),
            timestamp("created_at", ProductResponse::createdAt),
            timestamp("updated_at", ProductResponse::updatedAt));

    static final Table<PartResponse> PARTS = Table.of(
            "inventory-items",
            "Parts",
            integer("id", PartResponse::id),
            text("sku", PartResponse::sku),
            text("name", PartResponse::name),
            integer("category_id", PartResponse::categoryId),
            integer("location_id", PartResponse::locationId),
            text("unit", PartResponse::unit),
            summedInteger("quantity", PartResponse::quantity),
            decimal("unit_cost", PartResponse::unitCost),
            summedDecimal("stock_value", PartResponse::stockValue),
            integer("reorder_level", PartResponse::reorderLevel),
            integer("reorder_quantity", PartResponse::reorderQuantity),
            integer("preferred_supplier_id", PartResponse::preferredSupplierId),
            text("status", PartResponse::status),
            bool("active", PartResponse::active),
            timestamp("updated_at", PartResponse::updatedAt));

    static final Table<OrderRow> ORDERS = Table.of(
            "orders",
            "Orders",
            integer("id", OrderRow::id),
            timestamp("order_date", OrderRow::orderDate),
            text("status", OrderRow::status),
            integer("customer_id", OrderRow::customerId),
            text("customer_name", OrderRow::customerName),
            summedInteger("units", OrderRow::units),
            summedDecimal("subtotal", OrderRow::subtotal),
            decimal("tax_rate", OrderRow::taxRate),
            summedDecimal("tax", OrderRow::tax),
            summedDecimal("total", OrderRow::total),
            text("created_by", OrderRow::createdBy));

    static final Table<CustomerResponse> CUSTOMERS = Table.of(
            "customers",
            "Customers",
            integer("id", CustomerResponse::id),
            text("name", CustomerResponse::name),
            text("email", CustomerResponse::email),
            text("phone", CustomerResponse::phone),
            text("address", CustomerResponse::address),
            timestamp("created_at", CustomerResponse::createdAt));

    static final Table<EmployeeResponse> EMPLOYEES = Table.of(
            "employees",
            "Employees",
            integer("id", EmployeeResponse::id),
            text("name", EmployeeResponse::name),
            text("email", EmployeeResponse::email),
            text("position", EmployeeResponse::position),
            text("department", EmployeeResponse::department),
            date("hire_date", EmployeeResponse::hireDate),
            bool("active", EmployeeResponse::active),
            timestamp("created_at", EmployeeResponse::createdAt));

    static final Table<ProductionResponse> PRODUCTION = Table.of(
            "production",
            "Production records",
            integer("id", ProductionResponse::id),
            date("production_date", ProductionResponse::productionDate),
            integer("employee_id", ProductionResponse::employeeId),
            text("employee_name", ProductionResponse::employeeName),
            integer("product_id", ProductionResponse::productId),
            text("product_name", ProductionResponse::productName),
            summedInteger("quantity", ProductionResponse::quantity),
            text("created_by", ProductionResponse::createdBy),
            timestamp("created_at", ProductionResponse::createdAt));

    static final Table<SupplierResponse> SUPPLIERS = Table.of(
            "suppliers",
            "Suppliers",
            integer("id", SupplierResponse::id),
            text("code", SupplierResponse::code),
            text("name", SupplierResponse::name),
            text("contact", SupplierResponse::contact),
            text("email", SupplierResponse::email),
            text("phone", SupplierResponse::phone),
            integer("lead_time_days", SupplierResponse::leadTimeDays),
            text("payment_terms", SupplierResponse::paymentTerms),
            bool("active", SupplierResponse::active),
            timestamp("created_at", SupplierResponse::createdAt));

    static final Table<PurchaseOrderRow> PURCHASE_ORDERS = Table.of(
            "purchase-orders",
            "Purchase orders",
            integer("id", PurchaseOrderRow::id),
            text("po_number", PurchaseOrderRow::poNumber),
            integer("supplier_id", PurchaseOrderRow::supplierId),
            text("supplier_name", PurchaseOrderRow::supplierName),
            text("status", PurchaseOrderRow::status),
            date("expected_date", PurchaseOrderRow::expectedDate),
            summedDecimal("total_amount", PurchaseOrderRow::totalAmount),
            text("created_by", PurchaseOrderRow::createdBy),
            timestamp("submitted_at", PurchaseOrderRow::submittedAt),
            text("approved_by", PurchaseOrderRow::approvedBy),
            timestamp("approved_at", PurchaseOrderRow::approvedAt),
            timestamp("received_at", PurchaseOrderRow::receivedAt),
            timestamp("cancelled_at", PurchaseOrderRow::cancelledAt),
            timestamp("created_at", PurchaseOrderRow::createdAt));

    static final Table<StockMovementResponse> STOCK_MOVEMENTS = Table.of(
            "stock-movements",
            "Stock movements",
            integer("id", StockMovementResponse::id),
            timestamp("occurred_at", StockMovementResponse::occurredAt),
            integer("product_id", StockMovementResponse::productId),
            integer("item_id", StockMovementResponse::itemId),
            summedInteger("delta", StockMovementResponse::delta),
            integer("quantity_before", StockMovementResponse::quantityBefore),
            integer("quantity_after", StockMovementResponse::quantityAfter),
            text("reason", StockMovementResponse::reason),
            text("reference_type", StockMovementResponse::referenceType),
            integer("reference_id", StockMovementResponse::referenceId),
            text("note", StockMovementResponse::note),
            text("actor", StockMovementResponse::actor),
            text("request_id", StockMovementResponse::requestId));

    static final Table<AuditLogResponse> AUDIT_LOGS = Table.of(
            "audit-logs",
            "Audit log",
            integer("id", AuditLogResponse::id),
            timestamp("occurred_at", AuditLogResponse::occurredAt),
            text("actor", AuditLogResponse::actor),
            text("action", AuditLogResponse::action),
            text("entity_type", AuditLogResponse::entityType),
            text("entity_id", AuditLogResponse::entityId),
            text("before", AuditLogResponse::before),
            text("after", AuditLogResponse::after),
            text("ip", AuditLogResponse::ip),
            text("user_agent", AuditLogResponse::userAgent),
            text("request_id", AuditLogResponse::requestId));

    /** Every export, in the order the 404 of an unknown one names them. */
    static final List<Table<?>> ALL = List.of(
            PRODUCTS,
            PARTS,
            ORDERS,
            CUSTOMERS,
            EMPLOYEES,
            PRODUCTION,
            SUPPLIERS,
            PURCHASE_ORDERS,
            STOCK_MOVEMENTS,
            AUDIT_LOGS);

    private ExportTables() {}
}
