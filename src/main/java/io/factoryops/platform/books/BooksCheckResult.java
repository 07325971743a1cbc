package io.factoryops.platform.books;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one {@link BooksCheck} found. */
public record BooksCheckResult(
        @Schema(description = "The check's stable name", examples = "stock_ledger")
        String name,

        @Schema(description = "What a balanced database satisfies")
        String description,

        @Schema(description = "How many rows were checked") long checked,

        @Schema(description = "How many of them break the rule (0 when balanced)")
        long failed,

        @Schema(description = "The ids of the first rows that break it, ascending, at most `limit`")
        List<Long> failedIds) {

    public BooksCheckResult {
        failedIds = List.copyOf(failedIds);
    }

    public boolean balanced() {
        return failed == 0;
    }
}
