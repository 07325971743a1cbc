package io.factoryops.reporting.export;

import io.factoryops.catalog.ProductListParameters;
import io.factoryops.catalog.ProductService;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.inventory.PartListParameters;
import io.factoryops.inventory.PartService;
import io.factoryops.platform.audit.AuditLogListParameters;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import io.factoryops.procurement.PurchaseOrderListParameters;
import io.factoryops.procurement.PurchaseOrderService;
import io.factoryops.procurement.SupplierListParameters;
import io.factoryops.procurement.SupplierService;
import io.factoryops.production.ProductionListParameters;
import io.factoryops.production.ProductionService;
import io.factoryops.sales.CustomerListParameters;
import io.factoryops.sales.CustomerService;
import io.factoryops.sales.OrderListParameters;
import io.factoryops.sales.OrderService;
import io.factoryops.stock.StockService;
import io.factoryops.workforce.EmployeeListParameters;
import io.factoryops.workforce.EmployeeService;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/export/{resource}}: a list as a file, in JSON, CSV, XLSX or PDF ({@code ?format=}, else
 * {@code Accept}), with the list's filters, {@code q} and {@code sort} and the role that reads the list;
 * every row the filters select, streamed from the database to the socket ({@link Exporter}). The
 * parameters are the list's own {@code @BeanParam} ({@link io.factoryops.platform.paging.ListParameters}:
 * declared, documented and parsed once for the list and its export, with its sort) and the rows selected by
 * the list's own WHERE (each service's {@code export}), so that an export is always what its list shows,
 * without pages; the columns are declared once per list in {@link ExportTables}. The format
 * parameter, the answer's media types and {@code Content-Disposition} are documented for every operation
 * here by the OpenAPI conventions ({@code OpenApiContract}).
 */
@Path("export")
@ApplicationScoped
@DenyAll
@Tag(name = "Exports")
public class ExportResource {

    @Inject
    Exporter exporter;

    @Inject
    ProductService products;

    @Inject
    PartService parts;

    @Inject
    OrderService orders;

    @Inject
    CustomerService customers;

    @Inject
    EmployeeService employees;

    @Inject
    ProductionService production;

    @Inject
    SupplierService suppliers;

    @Inject
    PurchaseOrderService purchaseOrders;

    @Inject
    AuditService audit;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Path("products")
    @RolesAllowed(Permission.Names.PRODUCTS_READ)
    @Operation(
            operationId = "exportProducts",
            summary = "Export products",
            description = "The filters and sort of GET /api/products (default sort id).")
    public Response products(@BeanParam ProductListParameters parameters) {
        return answer(ExportTables.PRODUCTS, products.export(parameters.export(uriInfo), parameters.filter()));
    }

    @GET
    @Path("inventory-items")
    @RolesAllowed(Permission.Names.INVENTORY_READ)
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text contained in sku and name (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(
            operationId = "exportParts",
            summary = "Export parts",
            description = "The filters and sort of GET /api/inventory/items (default sku).")
    public Response parts(@BeanParam PartListParameters parameters) {
        return answer(ExportTables.PARTS, parts.export(parameters.export(uriInfo), parameters.filter()));
    }

    @GET
    @Path("orders")
    @RolesAllowed(Permission.Names.ORDERS_READ)
    @Operation(
            operationId = "exportOrders",
            summary = "Export orders",
            description = "A user exports the orders they placed, an admin all. The filters and sort of GET "
                    + "/api/orders (default -order_date); one row per order (the lines are GET /api/orders/{id}).")
    public Response orders(@BeanParam OrderListParameters parameters) {
        return answer(
                ExportTables.ORDERS,
                orders.export(Caller.of(security), parameters.export(uriInfo), parameters.filter()));
    }

    @GET
    @Path("customers")
    @RolesAllowed(Permission.Names.CUSTOMERS_EXPORT)
    @Operation(
            operationId = "exportCustomers",
            summary = "Export customers",
            description = "Every customer's personal data at once: more than the user who looks "
                    + "one up to take an order needs. The q and sort of GET /api/customers (default name).")
    public Response customers(@BeanParam CustomerListParameters parameters) {
        return answer(ExportTables.CUSTOMERS, customers.export(parameters.export(uriInfo), null));
    }

    @GET
    @Path("employees")
    @RolesAllowed(Permission.Names.EMPLOYEES_READ)
    @Operation(
            operationId = "exportEmployees",
            summary = "Export employees",
            description = "The filters and sort of GET /api/employees (default id).")
    public Response employees(@BeanParam EmployeeListParameters parameters) {
        return answer(ExportTables.EMPLOYEES, employees.export(parameters.export(uriInfo), parameters.filter()));
    }

    @GET
    @Path("production")
    @RolesAllowed(Permission.Names.PRODUCTION_READ)
    @Operation(
            operationId = "exportProductionRecords",
            summary = "Export production records",
            description = "The filters and sort of GET /api/production (default -production_date).")
    public Response production(@BeanParam ProductionListParameters parameters) {
        return answer(ExportTables.PRODUCTION, production.export(parameters.export(uriInfo), parameters.filter()));
    }

    @GET
    @Path("suppliers")
    @RolesAllowed(Permission.Names.SUPPLIERS_READ)
    @Operation(
            operationId = "exportSuppliers",
            summary = "Export suppliers",
            description = "The filters and sort of GET /api/suppliers (default name).")
    public Response suppliers(@BeanParam SupplierListParameters parameters) {
        return answer(ExportTables.SUPPLIERS, suppliers.export(parameters.export(uriInfo), parameters.filter()));
    }

    @GET
    @Path("purchase-orders")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_READ)
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text contained in the PO number",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(
            operationId = "exportPurchaseOrders",
            summary = "Export purchase orders",
            description = "The filters and sort of GET /api/purchase-orders (default -created_at); "
                    + "one row per purchase order (the lines are GET /api/purchase-orders/{id}).")
    public Response purchaseOrders(@BeanParam PurchaseOrderListParameters parameters) {
        return answer(
                ExportTables.PURCHASE_ORDERS, purchaseOrders.export(parameters.export(uriInfo), parameters.filter()));
    }

    @GET
    @Path("stock-movements")
    @RolesAllowed(Permission.Names.PRODUCTS_READ)
    @Operation(
            operationId = "exportStockMovements",
            summary = "Export a product's or a part's stock movements",
            description = "Below admin, another person's rows come without actor, request id "
                    + "and order, as in GET /api/products/{id}/stock-movements and GET "
                    + "/api/inventory/items/{id}/stock-movements. Exactly one of product_id and part_id; sort by "
                    + "occurred_at, id (default -id).")
    public Response stockMovements(
            @QueryParam("product_id")
                    @Parameter(
                            description = "The product whose ledger to export",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String productId,
            @QueryParam("part_id")
                    @Parameter(
                            description = "The part whose ledger to export",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String partId) {
        Long product = Params.optionalId("product_id", productId);
        Long part = Params.optionalId("part_id", partId);
        if ((product == null) == (part == null)) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER,
                    "Give exactly one of product_id and part_id",
                    List.of(new FieldError(
                            product == null ? "product_id" : "part_id", "give exactly one of product_id and part_id")),
                    Map.of());
        }
        PageRequest page = PageRequest.forExport(uriInfo.getQueryParameters(), StockService.SORTABLE, "-id");
        Caller caller = Caller.of(security);
        return answer(
                ExportTables.STOCK_MOVEMENTS,
                product != null
                        ? products.exportMovements(product, page, caller)
                        : parts.exportMovements(part, page, caller));
    }

    @GET
    @Path("audit-logs")
    @RolesAllowed(Permission.Names.AUDIT_LOGS_READ)
    @Operation(
            operationId = "exportAuditLogs",
            summary = "Export the audit log",
            description = "The filters and sort of GET /api/audit-logs (default -occurred_at); "
                    + "before and after as JSON text.")
    public Response auditLogs(@BeanParam AuditLogListParameters parameters) {
        return answer(ExportTables.AUDIT_LOGS, audit.export(parameters.export(uriInfo), parameters.filter()));
    }

    /** Not an export: 404 naming the exports there are (not documented: no such operation). */
    @GET
    @Path("{resource}")
    @RolesAllowed(Permission.Names.ACCOUNT_SELF)
    @Operation(hidden = true)
    public Response unknown(@PathParam("resource") String resource) {
        throw new ApiException(
                ErrorCode.NOT_FOUND,
                "There is no export '" + resource + "'; the exports are "
                        + ExportTables.ALL.stream().map(Table::name).collect(Collectors.joining(", ")));
    }

    /** The export's answer in the format asked for (406 for none of them). */
    private <R> Response answer(Table<R> table, Rows<R> rows) {
        return exporter.answer(
                table, rows, Exporter.format(uriInfo, headers), Exporter.filters(uriInfo, name -> false));
    }
}
