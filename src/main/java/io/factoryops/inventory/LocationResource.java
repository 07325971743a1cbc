package io.factoryops.inventory;

import io.factoryops.identity.Permission;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.http.Params;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
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
 * {@code /api/inventory/locations}: the tree of stock locations (warehouse › aisle › bin); read by staff and
 * mechanics, written by managers.
 */
@Path("inventory/locations")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory locations")
public class LocationResource {

    @Inject
    LocationService locations;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @RolesAllowed(Permission.Names.INVENTORY_READ)
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text contained in code and name (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(
            operationId = "listLocations",
            summary = "List stock locations",
            description = "Paged (page, per_page ≤ 100), "
                    + "q searches code and name; parent_id: the direct children of a location; under: every location "
                    + "below one (its whole subtree, without itself); an unknown id in either is 404 naming it. Sort by "
                    + "id, code, name, path, depth, created_at (prefix '-' for descending; default path, which lists the tree "
                    + "depth-first).")
    @APIResponse(
            responseCode = "200",
            description = "A page of locations",
            content = @Content(schema = @Schema(implementation = LocationResponse.class, type = SchemaType.ARRAY)))
    public Response list(
            @Parameter(
                            description = "Only the direct children of this location",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("parent_id")
                    String parentId,
            @Parameter(
                            description = "Only the locations below this one, at any depth",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("under")
                    String under) {
        PageRequest page = PageRequest.from(uriInfo, 20, LocationService.SORTABLE, "path");
        TreeService.Filter filter =
                new LocationService.Filter(Params.optionalId("parent_id", parentId), Params.optionalId("under", under));
        return Paging.ok(locations.list(page, filter), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.INVENTORY_READ)
    @Operation(
            operationId = "getLocation",
            summary = "Read a stock location",
            description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The location",
            content = @Content(schema = @Schema(implementation = LocationResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, locations.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.INVENTORY_WRITE)
    @Operation(
            operationId = "createLocation",
            summary = "Create a stock location",
            description = "Without parent_id a root (a "
                    + "warehouse). 404 NOT_FOUND naming parent_id when the parent is unknown; 409 ALREADY_EXISTS when another "
                    + "location has the code (ignoring case); 400 VALIDATION_FAILED when the tree would be deeper than 10 "
                    + "levels.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = LocationResponse.class)))
    public Response create(@NotNull @Valid LocationRequest body) {
        return ETags.created(uriInfo, locations.create(body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.INVENTORY_WRITE)
    @Operation(
            operationId = "replaceLocation",
            summary = "Change or move a stock location",
            description = "Replaces code, name and "
                    + "parent; the paths of every location below it follow. 409 TREE_CYCLE when the new parent is the "
                    + "location itself or lies below it; 409 ALREADY_EXISTS when another location has the code; 404 naming "
                    + "parent_id; 400 when the tree would be deeper than 10 levels. If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The changed location",
            content = @Content(schema = @Schema(implementation = LocationResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid LocationRequest body) {
        return ETags.ok(locations.replace(id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.INVENTORY_WRITE)
    @Operation(
            operationId = "deleteLocation",
            summary = "Delete a stock location",
            description = "409 STILL_REFERENCED while it has "
                    + "sub-locations or parts and stock lie there. If-Match → 412 when stale.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        locations.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
