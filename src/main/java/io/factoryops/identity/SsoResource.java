package io.factoryops.identity;

import io.factoryops.platform.http.ETags;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Single sign-on through the company's OpenID Connect provider, and the sign-in policy: {@code /api/auth/sso/…}. */
@Path("auth/sso")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Login, tokens and one's own account")
public class SsoResource {

    private static final String SIGNED_IN = "Signed in: a session of ours for the account tied to the provider's "
            + "subject (created on its first sign-in)";
    private static final String REFUSED = "NO_MAPPED_ROLE (no group of the caller maps to a role), FORBIDDEN (the "
            + "account is deactivated, or the token names no usable username)";

    private static final String CONFLICT =
            "CONFLICT: a local account has the username or email and is not tied to the provider";
    private static final String UNREACHABLE = "SERVICE_UNAVAILABLE: the provider cannot be reached";

    @Inject
    SsoService sso;

    @Context
    HttpHeaders headers;

    @GET
    @PermitAll
    @Operation(
            operationId = "getSingleSignOn",
            summary = "How to sign in",
            description = "Public. Whether an OpenID Connect provider is configured, the console's public client and "
                    + "the provider's authorization endpoint (for Authorization Code with PKCE), and whether staff may "
                    + "sign in with a password.")
    @APIResponse(
            responseCode = "200",
            description = "Single sign-on",
            content = @Content(schema = @Schema(implementation = SsoConfigResponse.class)))
    public SsoConfigResponse config() {
        return sso.config();
    }

    @POST
    @Path("token")
    @PermitAll
    @Operation(
            operationId = "exchangeProviderToken",
            summary = "Exchange the provider's access token",
            description = "Public. {\"token\"}: an access token of the configured provider, verified against its "
                    + "JWKS (signature, issuer, audience, expiry) → our access and refresh tokens. The account's "
                    + "role and custom roles follow its groups (FACTORY_SSO_GROUP_ROLES) at every sign-in.")
    @APIResponse(
            responseCode = "200",
            description = SIGNED_IN,
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "INVALID_PROVIDER_TOKEN (forged, expired, another issuer or audience)")
    @APIResponse(responseCode = "403", description = REFUSED)
    @APIResponse(responseCode = "409", description = CONFLICT)
    @APIResponse(responseCode = "503", description = UNREACHABLE)
    public LoginResponse exchange(@NotNull @Valid SsoTokenRequest body) {
        return sso.signIn(body.token());
    }

    @POST
    @Path("code")
    @PermitAll
    @Operation(
            operationId = "redeemAuthorizationCode",
            summary = "Sign in with an authorization code",
            description = "Public. The console's last step of Authorization Code with PKCE: {\"code\", "
                    + "\"code_verifier\", \"redirect_uri\"}; the service redeems the code at the provider as the "
                    + "console's public client (no secret anywhere), then signs in as with the provider's token.")
    @APIResponse(
            responseCode = "200",
            description = SIGNED_IN,
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "INVALID_PROVIDER_TOKEN (the provider refused the code; or single sign-on or its console "
                    + "client is not configured)")
    @APIResponse(responseCode = "403", description = REFUSED)
    @APIResponse(responseCode = "409", description = CONFLICT)
    @APIResponse(responseCode = "503", description = UNREACHABLE)
    public LoginResponse redeem(@NotNull @Valid SsoCodeRequest body) {
        return sso.signInWithCode(body);
    }

    @GET
    @Path("policy")
    @RolesAllowed(Permission.Names.SIGN_IN_MANAGE)
    @Operation(
            operationId = "getSignInPolicy",
            summary = "The sign-in policy",
            description = "Whether admins, managers and users may sign in with a password.")
    @APIResponse(
            responseCode = "200",
            description = "The sign-in policy",
            content = @Content(schema = @Schema(implementation = SignInPolicyResponse.class)))
    public Response policy() {
        SignInPolicyResponse policy = sso.policy();
        return ETags.ok(policy.version(), policy);
    }

    @PUT
    @Path("policy")
    @RolesAllowed(Permission.Names.SIGN_IN_MANAGE)
    @Operation(
            operationId = "changeSignInPolicy",
            summary = "Turn password sign-in for staff on or off",
            description = "{\"staff_password_sign_in\": false}: admins, managers and users then sign in through the "
                    + "identity provider only (403 PASSWORD_SIGN_IN_OFF on a password login); super admins (the "
                    + "break-glass account), mechanics and customers keep their passwords. Off only while a provider "
                    + "is configured (409 CONFLICT otherwise). If-Match: the ETag read before (412 VERSION_CONFLICT when "
                    + "stale). Audited.")
    @APIResponse(
            responseCode = "200",
            description = "The sign-in policy",
            content = @Content(schema = @Schema(implementation = SignInPolicyResponse.class)))
    @APIResponse(responseCode = "409", description = "CONFLICT: no identity provider is configured")
    public Response changePolicy(@NotNull @Valid SignInPolicyRequest body) {
        SignInPolicyResponse policy = sso.changePolicy(body, ETags.expectedVersion(headers));
        return ETags.ok(policy.version(), policy);
    }
}
