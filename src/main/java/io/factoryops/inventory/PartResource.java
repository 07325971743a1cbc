package io.factoryops.inventory;

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

/**
 * {@code /api/inventory/items}: parts, read by staff and mechanics, written by managers; their stock
 * moves through the ledger (add-stock, remove-stock, receipts, tickets), never through PUT.
 */
@Path("inventory/items")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
public class PartResource {

    @Inject
    PartService parts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @ExportedAs("inventory-items")
    @RolesAllowed(Permission.Names.INVENTORY_READ)
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text contained in sku and name (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Keyset paging: the pagination.next_cursor of the page before; costs the same at any depth",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Operation(
            operationId = "listParts",
            summary = "List parts",
            description = "Paged (default 20), q on sku and name; "
                    + "filters category and location (their sub-trees included), status (in_stock, low_stock, "
                    + "out_of_stock), supplier (preferred), updated_from, updated_to (UTC dates, inclusive), active; sort by "
                    + "id, sku, name, quantity, unit_cost, created_at, updated_at (default sku).")
    @APIResponse(
            responseCode = "200",
            description = "A page of parts",
            content = @Content(schema = @Schema(implementation = PartResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam PartListParameters parameters) {
        return Paging.ok(parts.list(parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.INVENTORY_READ)
    @Operation(operationId = "getPart", summary = "Read a part", description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The part",
            content = @Content(schema = @Schema(implementation = PartResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, parts.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.INVENTORY_WRITE)
    @Operation(
            operationId = "createPart",
            summary = "Create a part",
            description =
                    "Starts with quantity 0; 404 naming "
                            + "category_id, location_id or preferred_supplier_id when unknown; 409 ALREADY_EXISTS for a taken sku.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = PartResponse.class)))
    public Response create(@NotNull @Valid PartRequest body) {
        return ETags.created(uriInfo, parts.create(body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.INVENTORY_WRITE)
    @Operation(
            operationId = "replacePart",
            summary = "Replace a part",
            description = "409 CONFLICT when quantity differs from "
                    + "the current stock (it moves only through the ledger). If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The part",
            content = @Content(schema = @Schema(implementation = PartResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid PartRequest body) {
        return ETags.ok(parts.replace(id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.INVENTORY_WRITE)
    @Operation(
            operationId = "deletePart",
            summary = "Delete a part",
            description = "Only a part that never moved stock; 409 "
                    + "STILL_REFERENCED otherwise (deactivate it with PUT active false) or while a bill of materials, a "
                    + "purchase order or a service ticket refers to it.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        parts.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/add-stock")
    @RolesAllowed(Permission.Names.STOCK_ADJUST)
    @Idempotent
    @Operation(
            operationId = "addPartStock",
            summary = "Add stock by hand",
            description = "{\"quantity\",\"reason\",\"note\"}: a "
                    + "delivery without a purchase order, a count, a return. Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "The ledger row",
            content = @Content(schema = @Schema(implementation = StockMovementResponse.class)))
    public Response addStock(@PathParam("id") long id, @NotNull @Valid PartStockRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(parts.addStock(id, body))
                .build();
    }

    @POST
    @Path("{id}/remove-stock")
    @RolesAllowed(Permission.Names.STOCK_ADJUST)
    @Idempotent
    @Operation(
            operationId = "removePartStock",
            summary = "Remove stock by hand",
            description = "Never below zero: 409 "
                    + "INSUFFICIENT_STOCK with requested and available. Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "The ledger row",
            content = @Content(schema = @Schema(implementation = StockMovementResponse.class)))
    public Response removeStock(@PathParam("id") long id, @NotNull @Valid PartStockRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(parts.removeStock(id, body))
                .build();
    }

    @GET
    @ExportedAs(value = "stock-movements", idAs = "part_id")
    @Path("{id}/stock-movements")
    @RolesAllowed(Permission.Names.INVENTORY_READ)
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Keyset paging: the pagination.next_cursor of the page before; costs the same at any depth",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Operation(
            operationId = "listPartStockMovements",
            summary = "The part's stock ledger",
            description = "Newest first; the quantity "
                    + "equals the sum of the deltas. Below admin, another person's rows carry no actor or request_id.")
    @APIResponse(
            responseCode = "200",
            description = "A page of ledger rows",
            content = @Content(schema = @Schema(implementation = StockMovementResponse.class, type = SchemaType.ARRAY)))
    public Response movements(@PathParam("id") long id) {
        PageRequest page = PageRequest.keyset(uriInfo, 20, StockService.SORTABLE, "-id", StockService.SORTABLE);
        return Paging.ok(parts.movements(id, page, Caller.of(security)), uriInfo);
    }
}
