package io.factoryops.procurement;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
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
 * {@code /api/purchase-orders}: managers write, submit, receive and cancel them; admins other than their
 * creator, last editor and submitter (and not tied to them) approve or reject them, at the version they read.
 */
@Path("purchase-orders")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchase orders")
public class PurchaseOrderResource {

    private static final String FOUR_EYES = "FORBIDDEN: the token's role may not do this; SELF_APPROVAL: the caller "
            + "created, last edited or submitted the order; RELATED_ACCOUNT: the caller's account is tied to one of "
            + "theirs; APPROVAL_LIMIT: a manager, and the order's total is above the managers' approval limit (each "
            + "refusal audited)";

    @Inject
    PurchaseOrderService orders;

    @Inject
    PurchaseOrderLifecycleService lifecycle;

    @Inject
    PurchaseOrderReceiptService receipts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @ExportedAs("purchase-orders")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_READ)
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text contained in the PO number",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Keyset paging: the pagination.next_cursor of the page before; costs the same at any depth",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Operation(
            operationId = "listPurchaseOrders",
            summary = "List purchase orders",
            description = "Paged (default 20), q on po_number; "
                    + "filters status, supplier_id, date_from, date_to (created, UTC dates, inclusive); sort by id, "
                    + "po_number, status, expected_date, total_amount, created_at (default -created_at).")
    @APIResponse(
            responseCode = "200",
            description = "A page of purchase orders",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam PurchaseOrderListParameters parameters) {
        return Paging.ok(orders.list(parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_READ)
    @Operation(
            operationId = "getPurchaseOrder",
            summary = "Read a purchase order",
            description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, orders.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_WRITE)
    @Idempotent
    @Operation(
            operationId = "createPurchaseOrder",
            summary = "Create a draft purchase order",
            description = "1–100 lines, each part "
                    + "once; unit_cost defaults to the part's; 404 naming supplier_id or lines[i].item_id when unknown. "
                    + "Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "Created, as a draft",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    public Response create(@NotNull @Valid PurchaseOrderRequest body) {
        PurchaseOrderResponse created = orders.create(Caller.of(security), body);
        return ETags.created(uriInfo, created.id(), created.version(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_WRITE)
    @Operation(
            operationId = "replacePurchaseOrder",
            summary = "Replace a draft or pending purchase order",
            description = "A pending order "
                    + "goes back to draft (what was submitted is what is approved: submit it again); the caller becomes "
                    + "its last_edited_by, who may not approve or reject it. 409 INVALID_TRANSITION once approved, "
                    + "rejected, received or cancelled. If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid PurchaseOrderRequest body) {
        return ETags.ok(orders.replace(Caller.of(security), id, ETags.expectedVersion(headers), body));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_WRITE)
    @Idempotent
    @Operation(
            operationId = "submitPurchaseOrder",
            summary = "Submit a draft for approval",
            description = "draft → pending; the caller becomes its submitted_by; admins are "
                    + "notified. 409 INVALID_TRANSITION otherwise.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    public Response submit(@PathParam("id") long id) {
        return ETags.ok(lifecycle.submit(Caller.of(security), id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_APPROVE)
    @Idempotent
    @IfMatchRequired
    @Operation(
            operationId = "approvePurchaseOrder",
            summary = "Approve a pending purchase order",
            description = "A manager for a total up to factory.purchase-orders.manager-approval-limit (the "
                    + "order's approval_role; 403 APPROVAL_LIMIT above it), an admin for any. Four eyes: never the order's "
                    + "creator, last editor or submitter (403 "
                    + "SELF_APPROVAL), nor an account tied to one of theirs: one created the other or last set its "
                    + "password, or both link to the same employee (403 RELATED_ACCOUNT); each refusal is audited "
                    + "(APPROVE_REFUSED). If-Match (required) is the ETag of the version read: 412 when it changed since, "
                    + "428 without it. pending → approved; the creator is notified.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    @APIResponse(responseCode = "403", description = FOUR_EYES)
    public Response approve(@PathParam("id") long id) {
        return ETags.ok(lifecycle.approve(Caller.of(security), id, ETags.requiredVersion(headers)));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_APPROVE)
    @Idempotent
    @IfMatchRequired
    @Operation(
            operationId = "rejectPurchaseOrder",
            summary = "Reject a pending purchase order",
            description = "A manager up to the approval limit, an admin above it (403 APPROVAL_LIMIT), under the "
                    + "four eyes of approve (403 SELF_APPROVAL, RELATED_ACCOUNT; each refusal audited as REJECT_REFUSED). If-Match required (412 stale, 428 missing). {\"reason\"} required; "
                    + "pending → rejected; the creator is notified with the reason.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    @APIResponse(responseCode = "403", description = FOUR_EYES)
    public Response reject(@PathParam("id") long id, @NotNull @Valid RejectRequest body) {
        return ETags.ok(lifecycle.reject(Caller.of(security), id, ETags.requiredVersion(headers), body));
    }

    @POST
    @Path("{id}/receive")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_RECEIVE)
    @Idempotent
    @Operation(
            operationId = "receivePurchaseOrder",
            summary = "Receive a delivery",
            description =
                    "{\"lines\":[{\"line_id\",\"quantity\"}]}, each at most what is outstanding "
                            + "(400 naming the line); adds the parts to stock through the ledger; approved or partially_received → "
                            + "partially_received or received. Idempotency-Key: a retry with the same key receives nothing twice.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    public Response receive(@PathParam("id") long id, @NotNull @Valid ReceiveRequest body) {
        return ETags.ok(receipts.receive(Caller.of(security), id, body));
    }

    @POST
    @Path("{id}/deliver")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_RECEIVE)
    @Idempotent
    @Operation(
            operationId = "deliverPurchaseOrder",
            summary = "Receive everything outstanding",
            description = "The seed's deliver: receive with every line's outstanding quantity.")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    public Response deliver(@PathParam("id") long id) {
        return ETags.ok(receipts.deliver(Caller.of(security), id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Permission.Names.PURCHASE_ORDERS_WRITE)
    @Idempotent
    @Operation(
            operationId = "cancelPurchaseOrder",
            summary = "Cancel a purchase order",
            description = "draft, pending or approved → cancelled (nothing received yet).")
    @APIResponse(
            responseCode = "200",
            description = "The purchase order",
            content = @Content(schema = @Schema(implementation = PurchaseOrderResponse.class)))
    public Response cancel(@PathParam("id") long id) {
        return ETags.ok(lifecycle.cancel(id));
    }
}
