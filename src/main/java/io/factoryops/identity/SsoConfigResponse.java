package io.factoryops.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Single sign-on as the console sees it before anyone signs in. */
public record SsoConfigResponse(
        @Schema(description = "Whether an OpenID Connect provider is configured")
        boolean enabled,

        @Schema(nullable = true, description = "The provider's name, for \"Sign in with …\"")
        String name,

        @Schema(
                nullable = true,
                description = "Where the console sends the browser (Authorization Code with PKCE); null when no "
                        + "console client is configured")
        String authorizationEndpoint,

        @Schema(nullable = true, description = "The console's public client at the provider")
        String clientId,

        @Schema(nullable = true) String scope,

        @Schema(description = "Whether admins, managers and users may also sign in with a password")
        boolean staffPasswordSignIn) {}
