package io.factoryops.events;

import io.factoryops.platform.paging.ListParameters;

/** The query parameters of {@code GET /api/webhooks}. */
public class WebhookListParameters extends ListParameters {

    public WebhookListParameters() {
        super(20, WebhookService.SORTABLE, "id");
    }
}
