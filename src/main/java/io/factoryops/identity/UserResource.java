package io.factoryops.identity;

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
import jakarta.ws.rs.core.SecurityContext;
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
 * Account administration: {@code /api/auth/users} (and the alias {@code /api/auth/{id}}).
 * super_admin manages everyone; admin manages manager, user, mechanic and customer accounts.
 */
@Path("auth/users")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Account administration")
public class UserResource {

    @Inject
    UserService users;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text contained in username, email and full name (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(
            operationId = "listUsers",
            summary = "List accounts",
            description = "An admin sees the accounts it manages, a super_admin all. "
                    + "Filters: role, active, q (username, email, full name). "
                    + "Sort: username, email, role, created_at, last_login_at.")
    @APIResponse(
            responseCode = "200",
            description = "A page of accounts",
            content = @Content(schema = @Schema(implementation = UserResponse.class, type = SchemaType.ARRAY)))
    public Response list(@QueryParam("role") String role, @QueryParam("active") String active) {
        PageRequest page = PageRequest.from(uriInfo, 20, UserService.SORTABLE, "username");
        return Paging.ok(
                users.list(
                        Caller.of(security),
                        page,
                        Params.optionalText("role", role),
                        Params.optionalBoolean("active", active)),
                uriInfo);
    }

    /** Also reached as POST /api/auth/register. */
    @POST
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(
            operationId = "createUser",
            summary = "Create an account",
            description = "Only roles the caller manages.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response create(@NotNull @Valid UserRequest body) {
        UserResponse created = users.create(Caller.of(security), body);
        return Response.created(
                        uriInfo.getBaseUriBuilder().path("auth/users/{id}").build(created.id()))
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(
            operationId = "getUser",
            summary = "Read an account",
            description = "Accounts the caller manages, or their own.")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response get(@Parameter(description = "account id") @PathParam("id") long id) {
        return ETags.conditionalGet(request, users.get(Caller.of(security), id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(
            operationId = "updateUser",
            summary = "Change an account",
            description = "Absent fields stay. "
                    + "A role change, deactivation or password reset revokes the account's tokens. "
                    + "If-Match: the ETag read before (412 VERSION_CONFLICT when stale).")
    @APIResponse(
            responseCode = "200",
            description = "The changed account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response update(@PathParam("id") long id, @NotNull @Valid UserUpdateRequest body) {
        return ETags.ok(users.update(Caller.of(security), id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(
            operationId = "deleteUser",
            summary = "Deactivate an account",
            description =
                    "The account is kept "
                            + "(its history keeps its actor) but can no longer sign in; the last super_admin cannot be deleted.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deactivated")
    public Response delete(@PathParam("id") long id) {
        users.deactivate(Caller.of(security), id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
