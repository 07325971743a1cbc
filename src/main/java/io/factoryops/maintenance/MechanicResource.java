package io.factoryops.maintenance;

import io.factoryops.identity.AuthService;
import io.factoryops.identity.Caller;
import io.factoryops.identity.LoginRequest;
import io.factoryops.identity.LoginResponse;
import io.factoryops.identity.Permission;
import io.factoryops.identity.Role;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
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
 * {@code /api/mechanics}: managers create and manage mechanics; mechanics log in here. The ranking
 * {@code GET /api/mechanics/top} is read from the analytics summaries: {@link TopMechanicsResource}.
 */
@Path("mechanics")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mechanics")
public class MechanicResource {

    @Inject
    MechanicService mechanics;

    @Inject
    AuthService auth;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @RolesAllowed(Permission.Names.MECHANICS_READ)
    @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Text contained in name, email, username and position (case-insensitive)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Operation(
            operationId = "listMechanics",
            summary = "List mechanics",
            description = "Mechanics read it to see who works on a ticket. Paged (default 20), q on name, email, "
                    + "username and position; filter active; sort by id, name, email, username, position, created_at.")
    @APIResponse(
            responseCode = "200",
            description = "A page of mechanics",
            content = @Content(schema = @Schema(implementation = MechanicResponse.class, type = SchemaType.ARRAY)))
    public Response list(
            @QueryParam("active") @Parameter(description = "true or false", schema = @Schema(type = SchemaType.BOOLEAN))
                    String active) {
        PageRequest page = PageRequest.from(uriInfo, 20, MechanicService.SORTABLE, "id");
        return Paging.ok(mechanics.list(page, Params.optionalBoolean("active", active)), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.MECHANICS_READ)
    @Operation(operationId = "getMechanic", summary = "Read a mechanic", description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The mechanic",
            content = @Content(schema = @Schema(implementation = MechanicResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, mechanics.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.MECHANICS_WRITE)
    @Operation(
            operationId = "createMechanic",
            summary = "Create a mechanic",
            description =
                    "Creates the employee (department "
                            + "Maintenance) and a mechanic account linked to it in one transaction: a taken username or email is "
                            + "409 ALREADY_EXISTS and nothing is written; the password must meet the policy (400 WEAK_PASSWORD).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = MechanicResponse.class)))
    public Response create(@NotNull @Valid MechanicRequest body) {
        return ETags.created(uriInfo, mechanics.create(body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.MECHANICS_WRITE)
    @Operation(
            operationId = "replaceMechanic",
            summary = "Change a mechanic",
            description = "Name, email, position and active, "
                    + "written to the employee and the account too; active=false deactivates the account (its tokens "
                    + "stop working), active=true reactivates it, no active leaves it as it is. 403 FORBIDDEN when the "
                    + "linked account is no longer a mechanic account the caller may change (nothing is written). "
                    + "If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The mechanic",
            content = @Content(schema = @Schema(implementation = MechanicResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid MechanicUpdateRequest body) {
        return ETags.ok(mechanics.replace(Caller.of(security), id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.MECHANICS_WRITE)
    @Operation(
            operationId = "deactivateMechanic",
            summary = "Deactivate a mechanic",
            description = "Deactivates the mechanic, its "
                    + "employee and its account (never deleted: tickets keep it); 403 FORBIDDEN when the linked account is no "
                    + "longer a mechanic account the caller may change. If-Match → 412 when stale.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deactivated")
    public Response deactivate(@PathParam("id") long id) {
        mechanics.deactivate(Caller.of(security), id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Operation(
            operationId = "loginMechanic",
            summary = "Log in as a mechanic",
            description = "Public. POST /api/auth/login for mechanic accounts "
                    + "only: any other account is 401 INVALID_CREDENTIALS like a wrong password. Rate limited like it.")
    @APIResponse(
            responseCode = "200",
            description = "Logged in",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS")
    @APIResponse(
            responseCode = "503",
            description = "SERVICE_BUSY (every password-hashing slot is taken) or "
                    + "SERVICE_UNAVAILABLE (the database is unavailable), with Retry-After")
    public LoginResponse login(@NotNull @Valid LoginRequest body) {
        return auth.login(body, Role.MECHANIC);
    }
}
