package io.factoryops.notification;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/notifications}: every role reads and marks its own notifications, and nobody else's. */
@Path("notifications")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed(Permission.Names.NOTIFICATIONS_OWN)
    @Parameter(
            name = "read",
            in = ParameterIn.QUERY,
            description = "Only read (true) or unread (false) ones",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(
            name = "type",
            in = ParameterIn.QUERY,
            description = "Only notifications of this type",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {
                                "LOW_STOCK",
                                "PO_AWAITING_APPROVAL",
                                "PO_APPROVED",
                                "PO_REJECTED",
                                "REPORT_READY",
                                "TICKET_STATUS_CHANGED",
                                "WEBHOOK_DISABLED"
                            }))
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Keyset paging: the pagination.next_cursor of the page before; costs the same at any depth",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Operation(
            operationId = "listNotifications",
            summary = "List my notifications",
            description = "Own notifications only. Unread first, "
                    + "then newest (sort=read,-created_at,-id); sort by read, created_at, id. Filters: read, type.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the caller's notifications",
            content = @Content(schema = @Schema(implementation = NotificationResponse.class, type = SchemaType.ARRAY)))
    public Response list(@QueryParam("read") String read, @QueryParam("type") String type) {
        PageRequest page = PageRequest.keyset(
                uriInfo,
                20,
                NotificationService.SORTABLE,
                NotificationService.DEFAULT_SORT,
                NotificationService.SEEKABLE);
        NotificationService.Filter filter = new NotificationService.Filter(
                Params.optionalBoolean("read", read),
                Params.optionalEnum(
                        "type",
                        type == null ? null : type.toUpperCase(Locale.ROOT),
                        NotificationType.values(),
                        NotificationType::name));
        return Paging.ok(notifications.list(Caller.of(security), page, filter), uriInfo);
    }

    @GET
    @Path("unread-count")
    @RolesAllowed(Permission.Names.NOTIFICATIONS_OWN)
    @Operation(
            operationId = "countUnreadNotifications",
            summary = "Count my unread notifications",
            description = "Cheap enough to poll.")
    @APIResponse(
            responseCode = "200",
            description = "How many of the caller's notifications are unread",
            content = @Content(schema = @Schema(implementation = UnreadCountResponse.class)))
    public UnreadCountResponse unreadCount() {
        return new UnreadCountResponse(notifications.unreadCount(Caller.of(security)));
    }

    @POST
    @Path("{id}/read")
    @RolesAllowed(Permission.Names.NOTIFICATIONS_OWN)
    @Operation(
            operationId = "markNotificationRead",
            summary = "Mark one of my notifications read",
            description = "Own notifications only "
                    + "(another account's is 404). Idempotent: a notification already read stays read, with the time it "
                    + "was first read.")
    @APIResponse(
            responseCode = "200",
            description = "The notification, read",
            content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    public NotificationResponse markRead(@PathParam("id") long id) {
        return notifications.markRead(Caller.of(security), id);
    }

    @POST
    @Path("read-all")
    @RolesAllowed(Permission.Names.NOTIFICATIONS_OWN)
    @Operation(
            operationId = "markAllNotificationsRead",
            summary = "Mark all my notifications read",
            description = "Answers how many unread ones were marked (0 when there were none).")
    @APIResponse(
            responseCode = "200",
            description = "How many were marked read",
            content = @Content(schema = @Schema(implementation = MarkedReadResponse.class)))
    public MarkedReadResponse markAllRead() {
        return new MarkedReadResponse(notifications.markAllRead(Caller.of(security)));
    }
}
