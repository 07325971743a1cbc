package io.factoryops.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The access token of the client credentials grant (RFC 6749 §5.1); no refresh token. */
public record ClientTokenResponse(
        String accessToken,
        @Schema(enumeration = "Bearer") String tokenType,
        @Schema(description = "Seconds until it expires") long expiresIn,

        @Schema(description = "The permissions it carries, space-separated")
        String scope) {}
