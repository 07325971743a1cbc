package io.factoryops.procurement;

import io.factoryops.identity.Permission;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/suppliers}: read and written by managers (and the roles above them). */
@Path("suppliers")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Suppliers")
public class SupplierResource {

    @Inject
    SupplierService suppliers;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @ExportedAs("suppliers")
    @RolesAllowed(Permission.Names.SUPPLIERS_READ)
    @Operation(
            operationId = "listSuppliers",
            summary = "List suppliers",
            description = "Paged (page, per_page ≤ 100), q searches "
                    + "name, code, contact and email; filter active=true|false; sort by id, name, code, lead_time_days, "
                    + "created_at (prefix '-' for descending; default name).")
    @APIResponse(
            responseCode = "200",
            description = "A page of suppliers",
            content = @Content(schema = @Schema(implementation = SupplierResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam SupplierListParameters parameters) {
        return Paging.ok(suppliers.list(parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.SUPPLIERS_READ)
    @Operation(operationId = "getSupplier", summary = "Read a supplier", description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The supplier",
            content = @Content(schema = @Schema(implementation = SupplierResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, suppliers.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.SUPPLIERS_WRITE)
    @Operation(
            operationId = "createSupplier",
            summary = "Create a supplier",
            description = "409 ALREADY_EXISTS when another supplier has the code (ignoring case).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = SupplierResponse.class)))
    public Response create(@NotNull @Valid SupplierRequest body) {
        return ETags.created(uriInfo, suppliers.create(body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.SUPPLIERS_WRITE)
    @Operation(
            operationId = "replaceSupplier",
            summary = "Replace a supplier",
            description =
                    "Replaces every field (active=false "
                            + "deactivates it). 409 ALREADY_EXISTS when another supplier has the code. If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The replaced supplier",
            content = @Content(schema = @Schema(implementation = SupplierResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid SupplierRequest body) {
        return ETags.ok(suppliers.replace(id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.SUPPLIERS_WRITE)
    @Operation(
            operationId = "deleteSupplier",
            summary = "Delete a supplier",
            description = "409 STILL_REFERENCED while purchase "
                    + "orders or parts refer to it (deactivate it instead). If-Match → 412 when stale.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        suppliers.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
