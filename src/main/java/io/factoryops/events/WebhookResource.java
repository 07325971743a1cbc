package io.factoryops.events;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.identity.SecretRotationRequest;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/webhooks}: admins subscribe receivers to events; each delivery is signed (Standard Webhooks). */
@Path("webhooks")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhook subscriptions",
            description = "Paged (page, per_page ≤ 100); sort by id, url, created_at. Never their secrets.")
    @APIResponse(
            responseCode = "200",
            description = "A page of subscriptions",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam WebhookListParameters parameters) {
        return Paging.ok(webhooks.list(parameters.page(uriInfo)), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "getWebhook",
            summary = "Read a webhook subscription",
            description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, webhooks.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a receiver to events",
            description = "Answers the signing secret (whsec_…), shown this once. The URL must be https and every "
                    + "address its host resolves to public: a private, loopback, link-local (169.254.169.254) or "
                    + "reserved one is 400 WEBHOOK_URL_REFUSED unless FACTORY_WEBHOOKS_ALLOWED_HOSTS names the host. "
                    + "Event types the caller may not read are 403. Deliveries: CloudEvents JSON, POSTed with the "
                    + "Standard Webhooks headers webhook-id (the event id), webhook-timestamp, webhook-signature; at "
                    + "least once; retried with exponential backoff and jitter for 3 days. Audited.")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed, with its secret",
            content = @Content(schema = @Schema(implementation = WebhookSecret.class)))
    public Response create(@NotNull @Valid WebhookRequest body) {
        return ETags.created(uriInfo, webhooks.create(Caller.of(security), body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "replaceWebhook",
            summary = "Change a webhook subscription",
            description = "URL, event types, description, active (true enables a subscription that was disabled "
                    + "for failing; its pending deliveries resume). The URL is checked as on creation. If-Match → 412 "
                    + "when stale. Audited.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid WebhookRequest body) {
        return ETags.ok(webhooks.replace(Caller.of(security), id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook subscription",
            description = "With its delivery log; nothing more is sent. If-Match → 412 when stale. Audited.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate a webhook's signing secret",
            description = "A new secret, shown this once. For overlap_minutes (default 60; 0: none) every delivery "
                    + "carries two signatures in webhook-signature, space-separated: the new secret's and the "
                    + "previous one's, so that the receiver can switch without a gap. If-Match → 412 when stale. "
                    + "Audited (ROTATE_SECRET).")
    @APIResponse(
            responseCode = "200",
            description = "The subscription, with its new secret",
            content = @Content(schema = @Schema(implementation = WebhookSecret.class)))
    public Response rotate(@PathParam("id") long id, @Valid SecretRotationRequest body) {
        Integer overlap = body == null ? null : body.overlapMinutes();
        return ETags.ok(webhooks.rotate(id, ETags.expectedVersion(headers), overlap));
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Read a webhook's delivery log",
            description = "Newest first (keyset: after=<pagination.next_cursor>): per event, its status (pending, "
                    + "delivered, failed), attempts, the receiver's last status code and latency, the last error and "
                    + "the next try. Filter: status.")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries",
            content =
                    @Content(schema = @Schema(implementation = WebhookDeliveryResponse.class, type = SchemaType.ARRAY)))
    public Response deliveries(@PathParam("id") long id, @BeanParam WebhookDeliveryListParameters parameters) {
        return Paging.ok(webhooks.deliveries(id, parameters.page(uriInfo), parameters.status()), uriInfo);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed(Permission.Names.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Send a delivery again",
            description = "Due at once, with a new retry window, under the same webhook-id (receivers de-duplicate "
                    + "by it). 409 CONFLICT while the subscription is disabled. Audited (REDELIVER).")
    @APIResponse(
            responseCode = "200",
            description = "The delivery, pending",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryResponse.class)))
    public WebhookDeliveryResponse redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.redeliver(id, deliveryId);
    }
}
