package io.factoryops.production;

import io.factoryops.identity.Caller;
import io.factoryops.identity.Permission;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/production}: read and recorded by managers, corrected and deleted by admins. */
@Path("production")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Production")
public class ProductionResource {

    @Inject
    ProductionService production;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @ExportedAs("production")
    @RolesAllowed(Permission.Names.PRODUCTION_READ)
    @Operation(
            operationId = "listProductionRecords",
            summary = "List production records",
            description = "Filters employee_id, "
                    + "product_id, date_from, date_to; sort by id, production_date, quantity, created_at (default "
                    + "-production_date).")
    @APIResponse(
            responseCode = "200",
            description = "A page of production records",
            content = @Content(schema = @Schema(implementation = ProductionResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam ProductionListParameters parameters) {
        return Paging.ok(production.list(parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.PRODUCTION_READ)
    @Operation(operationId = "getProductionRecord", summary = "Read a production record")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content = @Content(schema = @Schema(implementation = ProductionResponse.class)))
    public Response get(@PathParam("id") long id) {
        ProductionResponse record = production.get(id);
        return ETags.conditionalGet(request, record.version(), record);
    }

    @POST
    @RolesAllowed(Permission.Names.PRODUCTION_WRITE)
    @Idempotent
    @Operation(
            operationId = "recordProduction",
            summary = "Record production",
            description = "Adds the units to stock (ledger row PRODUCTION). Idempotency-Key supported.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ProductionResponse.class)))
    public Response create(@NotNull @Valid ProductionRequest body) {
        ProductionResponse created = production.create(Caller.of(security), body);
        return ETags.created(uriInfo, created.id(), created.version(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.PRODUCTION_EDIT)
    @Operation(
            operationId = "replaceProductionRecord",
            summary = "Correct a production record",
            description = "Moves the stock difference; "
                    + "409 INSUFFICIENT_STOCK when the removed units were sold. If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content = @Content(schema = @Schema(implementation = ProductionResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid ProductionRequest body) {
        ProductionResponse record = production.replace(id, ETags.expectedVersion(headers), body);
        return ETags.ok(record.version(), record);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.PRODUCTION_EDIT)
    @Operation(
            operationId = "deleteProductionRecord",
            summary = "Delete a production record",
            description = "Takes the units back out of stock; 409 INSUFFICIENT_STOCK when they were sold.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        production.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
