package io.factoryops.platform.books;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/books-balance}. */
public record BooksBalanceResponse(
        @Schema(description = "True when every check found nothing and no migration is pending")
        boolean balanced,

        @Schema(description = "Flyway's schema version of the database (its history table)", examples = "33")
        String schemaVersion,

        @Schema(description = "Migrations of this build that the database has not applied")
        int pendingMigrations,

        @Schema(description = "When the checks ran") Instant checkedAt,

        @Schema(description = "How long they took, in milliseconds")
        long durationMs,

        @Schema(description = "Each feature's check, by name")
        List<BooksCheckResult> checks) {}
