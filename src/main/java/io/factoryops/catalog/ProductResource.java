package io.factoryops.catalog;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.idempotency.Idempotent;
import io.factoryops.platform.paging.ExportedAs;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Paging;
import io.factoryops.stock.StockMovementResponse;
import io.factoryops.stock.StockService;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/products}: read by staff and mechanics, written by admin; stock through the ledger. */
@Path("products")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductResource {

    @Inject
    ProductService products;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @ExportedAs("products")
    @RolesAllowed(Permission.Names.PRODUCTS_READ)
    @Operation(
            operationId = "listProducts",
            summary = "List products",
            description = "Paged (default 10 per page), q on "
                    + "sku and name; filters category, low_stock=true|false, min_price, max_price; sort by id, sku, name, "
                    + "price, stock_quantity, category, created_at.")
    @APIResponse(
            responseCode = "200",
            description = "A page of products",
            content = @Content(schema = @Schema(implementation = ProductResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam ProductListParameters parameters) {
        return Paging.ok(products.list(parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.PRODUCTS_READ)
    @Operation(operationId = "getProduct", summary = "Read a product", description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The product",
            content = @Content(schema = @Schema(implementation = ProductResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, products.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.PRODUCTS_WRITE)
    @Operation(
            operationId = "createProduct",
            summary = "Create a product",
            description = "stock_quantity is the initial stock (ledger row INITIAL).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ProductResponse.class)))
    public Response create(@NotNull @Valid ProductRequest body) {
        return ETags.created(uriInfo, products.create(body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.PRODUCTS_WRITE)
    @Operation(
            operationId = "replaceProduct",
            summary = "Replace a product",
            description = "409 CONFLICT when stock_quantity differs from the current stock. If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The product",
            content = @Content(schema = @Schema(implementation = ProductResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid ProductRequest body) {
        return ETags.ok(products.replace(id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.PRODUCTS_WRITE)
    @Operation(
            operationId = "deleteProduct",
            summary = "Delete a product",
            description = "409 STILL_REFERENCED when orders or production records refer to it.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        products.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }

    @GET
    @ExportedAs(value = "stock-movements", idAs = "product_id")
    @Path("{id}/stock-movements")
    @RolesAllowed(Permission.Names.PRODUCTS_READ)
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Keyset paging: the pagination.next_cursor of the page before; costs the same at any depth",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Operation(
            operationId = "listProductStockMovements",
            summary = "The product's stock ledger",
            description = "Newest first; "
                    + "the quantity equals the sum of the deltas. Below admin, another person's rows carry no actor, "
                    + "request_id or order id (reference_id of ORDER, ORDER_CHANGED and ORDER_CANCELLED rows).")
    @APIResponse(
            responseCode = "200",
            description = "A page of ledger rows",
            content = @Content(schema = @Schema(implementation = StockMovementResponse.class, type = SchemaType.ARRAY)))
    public Response movements(@PathParam("id") long id) {
        PageRequest page = PageRequest.keyset(uriInfo, 20, StockService.SORTABLE, "-id", StockService.SORTABLE);
        return Paging.ok(products.movements(id, page, Caller.of(security)), uriInfo);
    }

    @POST
    @Path("{id}/adjust-stock")
    @RolesAllowed(Permission.Names.STOCK_ADJUST)
    @Idempotent
    @Operation(
            operationId = "adjustProductStock",
            summary = "Correct the stock after a count",
            description = "{\"delta\",\"reason\"}; "
                    + "never below zero (409 INSUFFICIENT_STOCK). Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "The ledger row",
            content = @Content(schema = @Schema(implementation = StockMovementResponse.class)))
    public Response adjust(@PathParam("id") long id, @NotNull @Valid StockAdjustmentRequest body) {
        StockMovementResponse movement = products.adjust(id, body);
        return Response.status(Response.Status.CREATED).entity(movement).build();
    }
}
