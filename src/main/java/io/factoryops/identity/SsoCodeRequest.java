package io.factoryops.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The console's authorization code, with the PKCE verifier it made and the redirect URI it used. */
@Schema(
        example =
                "{\"code\": \"6f1c2e0a-3d5b-4c1e-9a7f-2b8d4e6f8a1c\", \"code_verifier\": \"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk\", \"redirect_uri\": \"https://plant.example.com/\"}")
public record SsoCodeRequest(
        @NotBlank @Size(max = 4096) String code,

        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9._~-]{43,128}", message = "must be 43 to 128 unreserved characters (RFC 7636)")
        String codeVerifier,

        @NotBlank
        @Size(max = 2048)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(description = "The redirect URI the authorization request named")
        String redirectUri) {}
