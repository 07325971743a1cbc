package io.factoryops.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the event feed: the events after the cursor, and the cursor to ask after them next time. */
public record EventBatch(
        List<CloudEvent> data,

        @Schema(description = "Pass as after= to continue; present on every page, also the last one (poll with it)")
        String nextCursor,

        @Schema(description = "Whether more events are waiting after this page now")
        boolean hasMore) {}
