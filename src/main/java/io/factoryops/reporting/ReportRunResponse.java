package io.factoryops.reporting;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored report run as the list shows it; its report is at {@code download}. */
public record ReportRunResponse(
        long id,

        @Schema(enumeration = {"inventory", "purchase_orders"})
        String kind,

        LocalDate periodStart,
        LocalDate periodEnd,
        @Schema(enumeration = {"completed"}) String status,

        @Schema(
                enumeration = {"schedule", "manual"},
                description = "The monthly timer, or an admin's trigger")
        String trigger,

        @Schema(description = "The stored JSON's size in bytes")
        long sizeBytes,

        @Schema(nullable = true, description = "The admin who triggered it; absent for the timer")
        String createdBy,

        Instant createdAt,

        @Schema(description = "Where to download it: GET this path (?format=json)")
        String download) {

    static ReportRunResponse of(ReportRun run) {
        return new ReportRunResponse(
                run.getId(),
                run.getKind().value(),
                run.getPeriodStart(),
                run.getPeriodEnd(),
                run.getStatus().name().toLowerCase(java.util.Locale.ROOT),
                run.getTrigger().name().toLowerCase(java.util.Locale.ROOT),
                run.getSizeBytes(),
                run.getCreatedBy(),
                run.getCreatedAt(),
                "/api/reports/runs/" + run.getId());
    }
}
