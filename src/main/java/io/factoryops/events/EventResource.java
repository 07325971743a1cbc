package io.factoryops.events;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.http.Params;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/events}: the feed of integration events, in the order they committed. */
@Path("events")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    private static final int MAX_TYPES = 20;

    @Inject
    EventFeedService feed;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed(Permission.Names.EVENTS_READ)
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "The next_cursor of the page before; absent: from the oldest event kept",
            schema = @Schema(type = SchemaType.STRING, maxLength = 64))
    @Parameter(
            name = "type",
            in = ParameterIn.QUERY,
            description = "Only these event types (comma-separated), e.g. order.placed,order.shipped",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1000))
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "Events per page (default 50)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Operation(
            operationId = "listEvents",
            summary = "Read the event feed",
            description = "CloudEvents 1.0 records of business changes, oldest first, after the cursor: orders placed, "
                    + "shipped, completed, cancelled; stock low and out; purchase orders submitted, approved, rejected, "
                    + "received; tickets opened, assigned, completed; production recorded; products and parts created "
                    + "and changed. Only the types whose resource the caller may read (orders: orders:read-all; "
                    + "tickets: service-tickets:assign; the others their resource's read permission). Gap-free: an "
                    + "event appears after its change commits (within FACTORY_EVENTS_POLL_INTERVAL_MILLIS) and never "
                    + "before one already read. Every page has a next_cursor; poll with it. Events are kept "
                    + "FACTORY_EVENTS_RETENTION_DAYS (30).")
    @APIResponse(
            responseCode = "200",
            description = "Events after the cursor",
            content = @Content(schema = @Schema(implementation = EventBatch.class)))
    public EventBatch list(
            @QueryParam("after") String after, @QueryParam("type") String type, @QueryParam("limit") String limit) {
        Long size = Params.optionalLong("limit", limit, 1, EventFeedService.MAX_LIMIT);
        return feed.page(
                Caller.of(security),
                after,
                types(type),
                size == null ? EventFeedService.DEFAULT_LIMIT : size.intValue());
    }

    private static List<String> types(String type) {
        if (type == null || type.isBlank()) {
            return List.of();
        }
        if (type.length() > 1000) {
            throw ApiException.invalidParameter("type", "must be at most 1000 characters");
        }
        List<String> types = Arrays.stream(type.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        if (types.size() > MAX_TYPES) {
            throw ApiException.invalidParameter("type", "at most " + MAX_TYPES + " types");
        }
        return types;
    }
}
