package io.factoryops.maintenance;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.idempotency.Idempotent;
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

/**
 * {@code /api/service-tickets}: managers open tickets and work all of them; a mechanic sees and works the
 * tickets assigned to them (any other is 404); a customer opens their own (and reads them at
 * {@code /api/customers/my-tickets}).
 */
@Path("service-tickets")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service tickets")
public class ServiceTicketResource {

    @Inject
    ServiceTicketService tickets;

    @Inject
    TicketLifecycleService lifecycle;

    @Inject
    TicketWorkService work;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_READ)
    @Operation(
            operationId = "listServiceTickets",
            summary = "List service tickets",
            description = "A manager sees all, a mechanic those assigned to "
                    + "them and the queue: tickets nobody works yet, open or in progress, which they may take. Paged (default 20); filters status, customer_id, mechanic_id, date_from, date_to (service "
                    + "date, inclusive); sort by id, service_date, status, created_at (default -created_at).")
    @APIResponse(
            responseCode = "200",
            description = "A page of service tickets",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam ServiceTicketListParameters parameters) {
        return Paging.ok(tickets.list(caller(), parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_READ)
    @Operation(
            operationId = "getServiceTicket",
            summary = "Read a service ticket",
            description = "A mechanic reads tickets assigned to them or in the queue "
                    + "(404 otherwise). "
                    + "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, tickets.get(caller(), id));
    }

    @POST
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_CREATE)
    @Idempotent
    @Operation(
            operationId = "createServiceTicket",
            summary = "Open a service ticket",
            description = "A manager opens one for any customer (customer_id "
                    + "required; 404 naming it when unknown); a customer for themselves (customer_id may be left out; "
                    + "another customer's is 404; they follow it at /api/customers/my-tickets). The labour rate (factory.labour-rate) and tax rate (factory.tax-rate) "
                    + "of today stay with the ticket. Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "Created, open",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response create(@NotNull @Valid ServiceTicketRequest body) {
        ServiceTicketResponse created = tickets.create(caller(), body);
        return ETags.created(uriInfo, created.id(), created.version(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Operation(
            operationId = "replaceServiceTicket",
            summary = "Change a ticket's details",
            description =
                    "A mechanic changes tickets assigned to them (404 otherwise); customers follow their tickets at "
                            + "/api/customers/my-tickets and do not change them. Replaces description, service_date, priority and the "
                            + "asset (vin, serial, make, model, year; one left out is cleared) while the ticket is open or in "
                            + "progress: 409 INVALID_TRANSITION once completed or cancelled. Audited. If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid ServiceTicketUpdateRequest body) {
        return ETags.ok(tickets.revise(caller(), id, ETags.expectedVersion(headers), body));
    }

    @POST
    @Path("{id}/take")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_TAKE)
    @Operation(
            operationId = "takeServiceTicket",
            summary = "Take a ticket from the queue",
            description =
                    "The caller becomes the mechanic of a ticket nobody works yet (open or in "
                            + "progress); it leaves the other mechanics' queues. 404 NOT_FOUND when it is not in the caller's view "
                            + "(another mechanic took it first, or it is closed); 409 ALREADY_EXISTS when the caller has it already. "
                            + "A mechanic changes only tickets they have (403 FORBIDDEN for one still in the queue). Audited (TAKE).")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response take(@PathParam("id") long id) {
        return ETags.ok(work.take(caller(), id));
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Idempotent
    @Operation(
            operationId = "startServiceTicket",
            summary = "Start work on a ticket",
            description =
                    "A mechanic only on tickets assigned to them. open → in_progress; 409 INVALID_TRANSITION otherwise.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response start(@PathParam("id") long id) {
        return ETags.ok(lifecycle.start(caller(), id));
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Idempotent
    @Operation(
            operationId = "completeServiceTicket",
            summary = "Complete a ticket",
            description =
                    "A mechanic only on tickets assigned to them. in_progress → completed; its parts stay fitted.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response complete(@PathParam("id") long id) {
        return ETags.ok(lifecycle.complete(caller(), id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Idempotent
    @Operation(
            operationId = "cancelServiceTicket",
            summary = "Cancel a ticket",
            description =
                    "A mechanic only on tickets assigned to them. open or in_progress → cancelled; every part still "
                            + "fitted goes back to stock through the ledger, exactly once.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response cancel(@PathParam("id") long id) {
        return ETags.ok(lifecycle.cancel(caller(), id));
    }

    @PUT
    @Path("{id}/edit")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Operation(
            operationId = "editServiceTicketMechanics",
            summary = "Add and remove mechanics",
            description = "A mechanic (assigned) only removes themselves (403 FORBIDDEN for any "
                    + "add or for removing another mechanic). {\"add_mechanic_ids\":[],\"remove_mechanic_ids\":[]}; "
                    + "404 naming the entry for an unknown mechanic; 409 ALREADY_EXISTS for one already on the ticket, "
                    + "409 CONFLICT for removing one who is not, 409 STILL_REFERENCED for removing one with labour hours "
                    + "recorded on it (hours are never deleted); 409 INVALID_TRANSITION once completed or cancelled.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response editMechanics(@PathParam("id") long id, @NotNull @Valid MechanicsEditRequest body) {
        return ETags.ok(work.editMechanics(caller(), id, body));
    }

    @POST
    @Path("{id}/labour")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Idempotent
    @Operation(
            operationId = "recordServiceTicketLabour",
            summary = "Record labour hours",
            description = "A manager for any mechanic on the ticket, a mechanic their own hours only (403 for "
                    + "another's; mechanic_id may be left out). {\"mechanic_id\",\"hours\"} adds the hours (0.01–24) to "
                    + "that mechanic's on the ticket; 409 CONFLICT when the mechanic is not on it.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response recordLabour(@PathParam("id") long id, @NotNull @Valid LabourRequest body) {
        return ETags.ok(work.recordLabour(caller(), id, body));
    }

    @POST
    @Path("{id}/parts")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Idempotent
    @Operation(
            operationId = "fitServiceTicketPart",
            summary = "Fit parts from stock",
            description =
                    "A mechanic only on tickets assigned to them. {\"item_id\",\"quantity\"}: takes the parts from "
                            + "stock through the ledger (409 INSUFFICIENT_STOCK otherwise) and keeps the part's unit cost now on "
                            + "the line; 404 naming item_id when unknown; 409 INVALID_TRANSITION once completed or cancelled. "
                            + "Idempotency-Key supported.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response fitPart(@PathParam("id") long id, @NotNull @Valid TicketPartRequest body) {
        return ETags.ok(work.fitPart(caller(), id, body));
    }

    @DELETE
    @Path("{id}/parts/{line}")
    @RolesAllowed(Permission.Names.SERVICE_TICKETS_WORK)
    @Operation(
            operationId = "returnServiceTicketPart",
            summary = "Return a part line to stock",
            description =
                    "A mechanic only on tickets assigned to them. Gives the line's parts back through the ledger; "
                            + "the line stays, marked returned, and leaves the totals. 409 CONFLICT when returned already. If-Match (the "
                            + "ticket's ETag) → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = ServiceTicketResponse.class)))
    public Response returnPart(@PathParam("id") long id, @PathParam("line") long line) {
        return ETags.ok(work.returnPart(caller(), id, line, ETags.expectedVersion(headers)));
    }

    private Caller caller() {
        return Caller.of(security);
    }
}
