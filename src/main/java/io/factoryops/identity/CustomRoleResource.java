package io.factoryops.identity;

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

/** {@code /api/custom-roles}: roles that admins define as sets of permissions and assign to accounts. */
@Path("custom-roles")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class CustomRoleResource {

    @Inject
    CustomRoleService roles;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @RolesAllowed({Permission.Names.ROLES_MANAGE, Permission.Names.USERS_MANAGE})
    @Operation(
            operationId = "listCustomRoles",
            summary = "List custom roles",
            description = "Paged (page, per_page ≤ 100), q searches name and description; sort by id, name, "
                    + "created_at (prefix '-' for descending; default name).")
    @APIResponse(
            responseCode = "200",
            description = "A page of custom roles",
            content = @Content(schema = @Schema(implementation = CustomRoleResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam CustomRoleListParameters parameters) {
        return Paging.ok(roles.list(parameters.page(uriInfo), null), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Permission.Names.ROLES_MANAGE, Permission.Names.USERS_MANAGE})
    @Operation(
            operationId = "getCustomRole",
            summary = "Read a custom role",
            description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The custom role",
            content = @Content(schema = @Schema(implementation = CustomRoleResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, roles.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.ROLES_MANAGE)
    @Operation(
            operationId = "createCustomRole",
            summary = "Create a custom role",
            description =
                    "403 FORBIDDEN when it has a permission the caller lacks; 409 ALREADY_EXISTS when another "
                            + "custom role has the name; 400 VALIDATION_FAILED for a built-in role's name or an unknown permission. Audited.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CustomRoleResponse.class)))
    public Response create(@NotNull @Valid CustomRoleRequest body) {
        return ETags.created(uriInfo, roles.create(Caller.of(security), body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.ROLES_MANAGE)
    @Operation(
            operationId = "replaceCustomRole",
            summary = "Replace a custom role",
            description = "403 FORBIDDEN when it has, before or after, a permission the caller lacks. Its holders' "
                    + "access tokens stop working when its permissions change (401 TOKEN_REVOKED: refresh for a token "
                    + "with the new ones). If-Match → 412 when stale. Audited.")
    @APIResponse(
            responseCode = "200",
            description = "The replaced custom role",
            content = @Content(schema = @Schema(implementation = CustomRoleResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid CustomRoleRequest body) {
        return ETags.ok(roles.replace(Caller.of(security), id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.ROLES_MANAGE)
    @Operation(
            operationId = "deleteCustomRole",
            summary = "Delete a custom role",
            description = "409 STILL_REFERENCED while accounts hold it; 403 FORBIDDEN when it has a permission the "
                    + "caller lacks. If-Match → 412 when stale. Audited.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        roles.delete(Caller.of(security), id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
