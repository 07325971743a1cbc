package io.factoryops.identity;

import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sessions and one's own account: {@code /api/auth/…}. */
@Path("auth")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Login, tokens and one's own account")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    UserResource userResource;

    /** The caller's token; read per request, since login and refresh have none to inject. */
    @Context
    SecurityContext security;

    @Context
    Request request;

    @POST
    @Path("login")
    @PermitAll
    @Operation(
            operationId = "login",
            summary = "Log in",
            description = "Public. {\"username\"|\"email\",\"password\"} → a bearer access "
                    + "token (RS256 JWT) and a refresh token. Rate limited per client IP and account, and failed attempts "
                    + "per account from every address (429 RATE_LIMITED). When too many passwords are being checked at "
                    + "once: 503 SERVICE_BUSY with Retry-After.")
    @APIResponse(
            responseCode = "200",
            description = "Logged in",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS")
    @APIResponse(
            responseCode = "403",
            description = "PASSWORD_SIGN_IN_OFF: the password is right, but admins, managers and users sign in through "
                    + "the identity provider (GET /api/auth/sso)")
    @APIResponse(
            responseCode = "503",
            description = "SERVICE_BUSY (every password-hashing slot is taken) or "
                    + "SERVICE_UNAVAILABLE (the database is unavailable), with Retry-After")
    public LoginResponse login(@NotNull @Valid LoginRequest body) {
        return auth.login(body);
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Operation(
            operationId = "refreshToken",
            summary = "Exchange a refresh token",
            description = "Public. The refresh token is rotated: the "
                    + "answer carries a new one, and presenting a used one again revokes every token of that login "
                    + "(401 REFRESH_TOKEN_REUSED).")
    @APIResponse(
            responseCode = "200",
            description = "New tokens",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "INVALID_REFRESH_TOKEN (unknown, expired or revoked), "
                    + "REFRESH_TOKEN_REUSED (a used token again: the whole login is revoked)")
    public LoginResponse refresh(@NotNull @Valid RefreshRequest body) {
        return auth.refresh(body);
    }

    @POST
    @Path("logout")
    @RolesAllowed(Permission.Names.ACCOUNT_SELF)
    @Operation(
            operationId = "logout",
            summary = "Log out",
            description = "Revokes this access token until it expires and, "
                    + "when given ({\"refresh_token\"}), the refresh token's whole login.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Logged out")
    public Response logout(
            @RequestBody(required = false, description = "{\"refresh_token\"} to end the whole login too")
                    RefreshRequest body) {
        auth.logout(jwt(), body == null ? null : body.refreshToken());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed(Permission.Names.ACCOUNT_SELF)
    @Operation(operationId = "getCurrentUser", summary = "The signed-in account")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response me() {
        return ETags.conditionalGet(request, auth.me(Caller.of(security)));
    }

    @PUT
    @Path("profile")
    @RolesAllowed(Permission.Names.ACCOUNT_SELF)
    @Operation(
            operationId = "updateProfile",
            summary = "Change one's own name or email",
            description = "Absent fields stay. An "
                    + "email that cannot be used is 409 CONFLICT, naming neither the address nor why; refusals count "
                    + "against the account's failed attempts (429 RATE_LIMITED once used up).")
    @APIResponse(
            responseCode = "200",
            description = "The changed account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response updateProfile(@NotNull @Valid ProfileRequest body) {
        return ETags.ok(auth.updateProfile(Caller.of(security), body));
    }

    @POST
    @Path("change-password")
    @RolesAllowed(Permission.Names.ACCOUNT_SELF)
    @Operation(
            operationId = "changePassword",
            summary = "Change one's own password",
            description = "Revokes every token of the account: log in again with the new password.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Changed")
    public Response changePassword(@NotNull @Valid ChangePasswordRequest body) {
        auth.changePassword(Caller.of(security), body);
        return Response.noContent().build();
    }

    @POST
    @Path("register")
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(
            operationId = "registerUser",
            summary = "Create an account",
            description = "Only roles the caller manages. Same as POST /api/auth/users.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response register(@NotNull @Valid UserRequest body) {
        return userResource.create(body);
    }

    @GET
    @Path("{id: \\d+}")
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(operationId = "getUserAlias", summary = "Read an account (alias of /api/auth/users/{id})")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response getUser(@PathParam("id") long id) {
        return userResource.get(id);
    }

    @PUT
    @Path("{id: \\d+}")
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(operationId = "updateUserAlias", summary = "Change an account (alias of /api/auth/users/{id})")
    @APIResponse(
            responseCode = "200",
            description = "The changed account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Response updateUser(@PathParam("id") long id, @NotNull @Valid UserUpdateRequest body) {
        return userResource.update(id, body);
    }

    @DELETE
    @Path("{id: \\d+}")
    @RolesAllowed(Permission.Names.USERS_MANAGE)
    @Operation(operationId = "deleteUserAlias", summary = "Deactivate an account (alias of /api/auth/users/{id})")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deactivated")
    public Response deleteUser(@PathParam("id") long id) {
        return userResource.delete(id);
    }

    private JsonWebToken jwt() {
        return (JsonWebToken) security.getUserPrincipal();
    }
}
