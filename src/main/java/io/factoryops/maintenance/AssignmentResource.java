package io.factoryops.maintenance;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.idempotency.Idempotent;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/assignments}: the mechanics of service tickets, one row per mechanic and ticket. */
@Path("assignments")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class AssignmentResource {

    @Inject
    ServiceTicketService tickets;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_READ)
    @Operation(
            operationId = "listAssignments",
            summary = "List assignments",
            description = "A manager sees all, a mechanic their own. Paged "
                    + "(default 20); filters ticket_id, mechanic_id; sort by id, assigned_at, hours.")
    @APIResponse(
            responseCode = "200",
            description = "A page of assignments",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class, type = SchemaType.ARRAY)))
    public Response list(
            @QueryParam("ticket_id")
                    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String ticketId,
            @QueryParam("mechanic_id")
                    @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    String mechanicId) {
        PageRequest page = PageRequest.from(uriInfo, 20, ServiceTicketService.ASSIGNMENT_SORTABLE, "id");
        return Paging.ok(
                tickets.assignments(
                        Caller.of(security),
                        page,
                        Params.optionalId("ticket_id", ticketId),
                        Params.optionalId("mechanic_id", mechanicId)),
                uriInfo);
    }

    @POST
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_ASSIGN)
    @Idempotent
    @Operation(
            operationId = "createAssignment",
            summary = "Assign a mechanic to a ticket",
            description = "Only managers change a "
                    + "ticket's mechanics. 404 naming ticket_id or mechanic_id when unknown (or not visible); 409 "
                    + "ALREADY_EXISTS when the mechanic is on the ticket; 409 INVALID_TRANSITION once it is completed or "
                    + "cancelled. Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    public Response create(@NotNull @Valid AssignmentRequest body) {
        AssignmentResponse created = tickets.assign(Caller.of(security), body);
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.ASSIGNMENTS_RELEASE)
    @Operation(
            operationId = "deleteAssignment",
            summary = "Remove a mechanic from a ticket",
            description =
                    "A mechanic removes their own "
                            + "assignment only (403 FORBIDDEN for another's). 409 STILL_REFERENCED while labour hours are recorded "
                            + "on it (hours are never deleted); 409 INVALID_TRANSITION once the ticket is completed or cancelled.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        tickets.unassign(Caller.of(security), id);
        return Response.noContent().build();
    }
}
