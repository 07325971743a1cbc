package io.factoryops.sales;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.http.IfMatchRequired;
import io.factoryops.platform.idempotency.Idempotent;
import io.factoryops.platform.paging.ExportedAs;
import io.factoryops.platform.paging.Paging;
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
 * {@code /api/orders}: staff place orders and read the ones they placed; admins read all, change a placed
 * order (PUT: the stock moves by the difference) and move orders through their life. Orders are never
 * deleted: DELETE cancels, like cancel, which returns the stock.
 */
@Path("orders")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    @Inject
    OrderService orders;

    @Inject
    OrderLifecycleService lifecycle;

    @Inject
    OrderPlacementService placement;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @ExportedAs("orders")
    @RolesAllowed(Permission.Names.ORDERS_READ)
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Keyset paging: the pagination.next_cursor of the page before; costs the same at any depth",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Operation(
            operationId = "listOrders",
            summary = "List orders",
            description = "A user sees the orders they placed, an admin all. Paged "
                    + "(default 10); filters status, customer_id, date_from, date_to (UTC dates, inclusive); sort by id, "
                    + "order_date, total, status (default -order_date).")
    @APIResponse(
            responseCode = "200",
            description = "A page of orders",
            content = @Content(schema = @Schema(implementation = OrderResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam OrderListParameters parameters) {
        return Paging.ok(orders.list(Caller.of(security), parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.ORDERS_READ)
    @Operation(
            operationId = "getOrder",
            summary = "Read an order",
            description = "A user reads the orders they placed (another's is 404), an admin any.")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, orders.get(Caller.of(security), id));
    }

    @POST
    @RolesAllowed(Permission.Names.ORDERS_WRITE)
    @Idempotent
    @Operation(
            operationId = "placeOrder",
            summary = "Place an order",
            description = "Takes the stock of every line atomically or "
                    + "fails whole with 409 INSUFFICIENT_STOCK (product_id, product_name, requested, available). "
                    + "Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "Placed",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "409", description = "INSUFFICIENT_STOCK")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    public Response place(@NotNull @Valid OrderRequest body) {
        OrderResponse placed = placement.place(Caller.of(security), body);
        return ETags.created(uriInfo, placed.id(), placed.version(), placed);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.ORDERS_EDIT)
    @IfMatchRequired
    @Operation(
            operationId = "replaceOrder",
            summary = "Change a placed order",
            description = "The body is the one of placing an "
                    + "order (customer_id, lines [{product_id, quantity}] or the seed shape; the same bounds): the order's "
                    + "customer and lines become these. If-Match (required) is the ETag of the version read: 412 "
                    + "VERSION_CONFLICT when it changed since, 428 PRECONDITION_REQUIRED without it. Only while placed: "
                    + "409 INVALID_TRANSITION otherwise. The stock moves by the difference per product in the same "
                    + "transaction (ledger rows ORDER_CHANGED referring to the order): a line that grows and a new product "
                    + "take the units they lack, or nothing changes and the answer is 409 INSUFFICIENT_STOCK (product_id, "
                    + "product_name, requested: the line's new quantity, available: the most it can have, the stock left "
                    + "plus what the order holds; every short product in shortages); a line that shrinks or is left out "
                    + "gives its units back. Prices: a line whose product and quantity are unchanged keeps its unit_price; "
                    + "a changed or new line takes the product's price now. The tax rate stays the order's. 404 naming "
                    + "customer_id for an unknown customer, 404 for an unknown product, 409 CONFLICT for more of a "
                    + "product no longer sold. Totals recomputed, version and ETag new, audited as UPDATE (before and "
                    + "after).")
    @APIResponse(
            responseCode = "200",
            description = "The changed order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "INVALID_TRANSITION (not placed), INSUFFICIENT_STOCK, CONFLICT (a product no longer sold)")
    public Response replace(@PathParam("id") long id, @NotNull @Valid OrderRequest body) {
        return ETags.ok(placement.revise(Caller.of(security), id, ETags.requiredVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.ORDERS_EDIT)
    @IfMatchRequired
    @Operation(
            operationId = "deleteOrder",
            summary = "Cancel an order (orders are never deleted)",
            description = "If-Match "
                    + "(required): 412 VERSION_CONFLICT when stale, 428 PRECONDITION_REQUIRED without it. A placed order is "
                    + "cancelled exactly as POST /api/orders/{id}/cancel does (its stock returned, ledger rows "
                    + "ORDER_CANCELLED; audited as CANCEL) and stays readable; an order cancelled already is left as it is "
                    + "(204 again: DELETE is idempotent); a shipped or completed order is 409 INVALID_TRANSITION.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Cancelled (now or before)")
    @APIResponse(responseCode = "409", description = "INVALID_TRANSITION: shipped or completed")
    public Response delete(@PathParam("id") long id) {
        lifecycle.delete(Caller.of(security), id, ETags.requiredVersion(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/ship")
    @RolesAllowed(Permission.Names.ORDERS_FULFIL)
    @Idempotent
    @Operation(
            operationId = "shipOrder",
            summary = "Ship a placed order",
            description = "409 INVALID_TRANSITION otherwise.")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public Response ship(@PathParam("id") long id) {
        return ETags.ok(lifecycle.ship(Caller.of(security), id));
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed(Permission.Names.ORDERS_FULFIL)
    @Idempotent
    @Operation(
            operationId = "completeOrder",
            summary = "Complete a shipped order",
            description = "409 INVALID_TRANSITION otherwise.")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public Response complete(@PathParam("id") long id) {
        return ETags.ok(lifecycle.complete(Caller.of(security), id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Permission.Names.ORDERS_FULFIL)
    @Idempotent
    @Operation(
            operationId = "cancelOrder",
            summary = "Cancel a placed order",
            description = "Returns the stock (ledger rows ORDER_CANCELLED); 409 INVALID_TRANSITION otherwise.")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public Response cancel(@PathParam("id") long id) {
        return ETags.ok(lifecycle.cancel(Caller.of(security), id));
    }
}
