package io.factoryops.identity;

import io.factoryops.platform.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API client with its secret in clear: the answer of its creation and of a rotation, and never again. */
public record ApiClientSecret(
        ApiClientResponse client,

        @Schema(description = "Shown once: store it now. Stored by the service only as a hash")
        String clientSecret)
        implements Versioned {

    @Override
    public Long id() {
        return client.id();
    }

    @Override
    public long version() {
        return client.version();
    }
}
