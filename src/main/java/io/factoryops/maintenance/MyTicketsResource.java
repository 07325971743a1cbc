package io.factoryops.maintenance;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.paging.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
 * {@code /api/customers/my-tickets}: a customer's own service tickets (a resource of maintenance under the
 * customers' path: sales does not depend on maintenance).
 */
@Path("customers/my-tickets")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service tickets")
public class MyTicketsResource {

    @Inject
    ServiceTicketService tickets;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @GET
    @RolesAllowed(Permission.Names.CUSTOMER_PORTAL)
    @Operation(
            operationId = "listMyServiceTickets",
            summary = "My service tickets",
            description = "The caller's own tickets in the "
                    + "customers' view (mechanics by display name, fitted parts with quantity and amount, totals; no "
                    + "staff login names, ids or unit costs), paged (default 20, newest first); filter status; sort by id, "
                    + "service_date, status, created_at.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the caller's service tickets",
            content =
                    @Content(schema = @Schema(implementation = CustomerTicketResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam TicketListParameters parameters) {
        return Paging.ok(
                tickets.myTickets(Caller.of(security), parameters.page(uriInfo), parameters.status()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.CUSTOMER_PORTAL)
    @Operation(
            operationId = "getMyServiceTicket",
            summary = "One of my service tickets",
            description = "One of the caller's own tickets "
                    + "in the customers' view (as in the list); 404 NOT_FOUND for a ticket of another customer, exactly as "
                    + "for one that does not exist. ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The service ticket",
            content = @Content(schema = @Schema(implementation = CustomerTicketResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, tickets.myTicket(Caller.of(security), id));
    }
}
