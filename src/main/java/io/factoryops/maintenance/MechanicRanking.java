package io.factoryops.maintenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ranks the mechanics over a period by their work ({@code GET /api/mechanics/top}). The analytics read model
 * implements it from its summaries, which it keeps from maintenance's events and {@link MechanicFacts}: it
 * depends on maintenance, and maintenance asks it through this interface only.
 */
public interface MechanicRanking {

    /** The {@code as_of} of an answer read from the summaries. */
    String AS_OF = "When the summaries were last computed; absent before the first refresh";

    /**
     * Mechanics ranked by tickets worked between two days (inclusive), then labour hours, then parts fitted,
     * then the higher id ({@link MechanicFacts} says what counts), at most {@code limit}.
     */
    List<TopMechanic> topMechanics(LocalDate from, LocalDate to, int limit);

    /** When the summaries were last computed; null before the first refresh. */
    Instant asOf();

    /** A mechanic's work over the period: see {@code GET /api/mechanics/top}. */
    public record TopMechanic(
            long mechanicId,
            String mechanicName,

            @Schema(description = "Completed tickets the mechanic was on, counted on their completion day (UTC)")
            long ticketsWorked,

            @Schema(multipleOf = 0.01, description = "The mechanic's labour hours on those tickets")
            BigDecimal labourHours,

            @Schema(description = "Units of the part lines the mechanic fitted on those tickets and did not give back")
            long partsFitted) {}

    public record TopMechanics(
            List<TopMechanic> mechanics,
            LocalDate dateFrom,
            LocalDate dateTo,
            @Schema(nullable = true, description = AS_OF) Instant asOf) {}
}
