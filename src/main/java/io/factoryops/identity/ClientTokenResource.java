package io.factoryops.identity;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/oauth/token}: the OAuth 2.0 client credentials grant (RFC 6749 §4.4). The client authenticates
 * with HTTP Basic ({@code client_id:client_secret}, each form-encoded) or with both in the body, never both ways.
 * Errors are problem+json that also carry RFC 6749's {@code error} member, so that OAuth libraries read them.
 */
@Path("oauth/token")
@ApplicationScoped
@Tag(name = "Authentication")
public class ClientTokenResource {

    private static final int MAX_CREDENTIAL = 200;

    @Inject
    ApiClientService clients;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueClientToken",
            summary = "Get an access token for an API client",
            description =
                    "grant_type=client_credentials (form-encoded), the client's credentials by HTTP Basic or as "
                            + "client_id and client_secret in the body. Answers a short-lived bearer token carrying the "
                            + "client's permissions (scope), no refresh token: ask again when it expires. 400 "
                            + "UNSUPPORTED_GRANT_TYPE (error unsupported_grant_type) or VALIDATION_FAILED (invalid_request); "
                            + "401 INVALID_CLIENT (invalid_client) for unknown or revoked clients and wrong or expired secrets.")
    @APIResponse(
            responseCode = "200",
            description = "The access token",
            content = @Content(schema = @Schema(implementation = ClientTokenResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "INVALID_CLIENT (error invalid_client), with WWW-Authenticate: Basic: unknown or revoked "
                    + "client, wrong secret, or a previous secret past its overlap")
    public Response token(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                                            schema = @Schema(implementation = ClientTokenForm.class)))
                    MultivaluedMap<String, String> form,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String grantType = form.getFirst("grant_type");
        String clientId = form.getFirst("client_id");
        String clientSecret = form.getFirst("client_secret");
        if (grantType == null || grantType.isBlank()) {
            throw invalidRequest("grant_type", "is required (client_credentials)");
        }
        if (!"client_credentials".equals(grantType)) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_GRANT_TYPE,
                    "Only grant_type=client_credentials is supported here (people sign in with POST /api/auth/login)",
                    List.of(),
                    Map.of(),
                    Map.of("error", "unsupported_grant_type"));
        }
        String[] credentials = authorization == null ? bodyCredentials(clientId, clientSecret) : basic(authorization);
        if (authorization != null && (clientId != null || clientSecret != null)) {
            throw invalidRequest("client_secret", "send the credentials by HTTP Basic or in the body, not both");
        }
        TokenService.AccessToken token = clients.issueToken(credentials[0], credentials[1]);
        return Response.ok(new ClientTokenResponse(token.token(), "Bearer", token.expiresIn(), token.scope()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private static String[] bodyCredentials(String clientId, String clientSecret) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw invalidRequest("client_id", "client_id and client_secret are required (or HTTP Basic)");
        }
        return bounded(clientId, clientSecret);
    }

    /** {@code Basic base64(urlencode(id):urlencode(secret))}, RFC 6749 §2.3.1; anything else is 401. */
    private static String[] basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6) || authorization.length() > 4 * MAX_CREDENTIAL) {
            throw ApiClientService.invalidClient();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw ApiClientService.invalidClient();
            }
            return bounded(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiClientService.invalidClient();
        }
    }

    private static String[] bounded(String clientId, String clientSecret) {
        if (clientId.length() > MAX_CREDENTIAL || clientSecret.length() > MAX_CREDENTIAL) {
            throw ApiClientService.invalidClient();
        }
        return new String[] {clientId, clientSecret};
    }

    private static ApiException invalidRequest(String field, String message) {
        ApiException invalid = ApiException.invalidField(field, message);
        return new ApiException(
                invalid.code(), invalid.getMessage(), invalid.errors(), Map.of(), Map.of("error", "invalid_request"));
    }
}
