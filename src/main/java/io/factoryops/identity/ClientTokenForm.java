package io.factoryops.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The form of {@code POST /api/oauth/token}, for the OpenAPI document (the resource reads the form itself). */
@Schema(
        example = "{\"grant_type\": \"client_credentials\", \"client_id\": \"fo_3f9a1c0b7d2e4a6f8b1c2d3e\", "
                + "\"client_secret\": \"Zm9yLWV4YW1wbGUtb25seS1ub3QtYS1zZWNyZXQ\"}")
public record ClientTokenForm(
        @Schema(required = true, enumeration = "client_credentials")
        String grantType,

        @Schema(description = "With client_secret, unless HTTP Basic carries both", maxLength = 200)
        String clientId,

        @Schema(maxLength = 200) String clientSecret) {}
