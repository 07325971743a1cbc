package io.factoryops.events;

import io.factoryops.platform.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription with its signing secret: the answer of its creation and of a rotation, and never again. */
public record WebhookSecret(
        WebhookResponse webhook,

        @Schema(description = "Shown once: store it now. whsec_ + base64 key (Standard Webhooks)")
        String secret)
        implements Versioned {

    @Override
    public Long id() {
        return webhook.id();
    }

    @Override
    public long version() {
        return webhook.version();
    }
}
