package io.factoryops.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider's access token to exchange for a session of ours. */
@Schema(
        example =
                "{\"token\": \"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tIn0.c2lnbmF0dXJl\"}")
public record SsoTokenRequest(
        @NotBlank @Size(max = 16384) @Schema(description = "An access token issued by the identity provider")
        String token) {}
