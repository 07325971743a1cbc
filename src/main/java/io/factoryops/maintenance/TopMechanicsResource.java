package io.factoryops.maintenance;

import io.factoryops.identity.Permission;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.http.Params;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/mechanics/top}: the mechanics ranked over a period, read from the analytics summaries like
 * the other rankings (with {@code as_of}), through {@link MechanicRanking}, which the analytics read model
 * implements: analytics observes the maintenance events and depends on maintenance, never the other way round.
 * The rest of {@code /api/mechanics} is {@link MechanicResource}.
 */
@Path("mechanics/top")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mechanics")
public class TopMechanicsResource {

    /** The longest period one request may sum: a year, leap day included. */
    static final int MAX_DAYS = 366;

    @Inject
    MechanicRanking ranking;

    @GET
    @RolesAllowed(Permission.Names.MECHANICS_READ)
    @Operation(
            operationId = "getTopMechanics",
            summary = "Top mechanics over a period",
            description = "Ranked by tickets worked, then "
                    + "labour hours, then parts fitted, then the higher mechanic_id. A ticket worked is a completed ticket, "
                    + "counted on its completion day (UTC) for each mechanic on it; hours are that mechanic's labour hours on "
                    + "it; parts fitted are the units of its part lines the mechanic fitted and did not give back. "
                    + "limit 1..100 (default 10); date_from, date_to inclusive (default this month; one given alone "
                    + "makes the other the first or last day of its month), at most 366 days; date_from after date_to "
                    + "is 400. From the summaries: as_of says when they were computed.")
    @APIResponse(
            responseCode = "200",
            description = "{\"mechanics\":[…],\"date_from\",\"date_to\",\"as_of\"}",
            content = @Content(schema = @Schema(implementation = MechanicRanking.TopMechanics.class)))
    public MechanicRanking.TopMechanics top(
            @QueryParam("limit")
                    @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "10"))
                    String limit,
            @QueryParam("date_from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String dateFrom,
            @QueryParam("date_to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String dateTo) {
        Long n = Params.optionalLong("limit", limit, 1, 100);
        LocalDate from = Params.optionalDate("date_from", dateFrom);
        LocalDate to = Params.optionalDate("date_to", dateTo);
        LocalDate month = from != null ? from : to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : month.withDayOfMonth(1);
        LocalDate end = to != null ? to : month.with(TemporalAdjusters.lastDayOfMonth());
        if (start.isAfter(end)) {
            throw ApiException.invalidParameter("date_from", "must not be after date_to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.invalidParameter("date_to", "the period may span at most " + MAX_DAYS + " days");
        }
        return new MechanicRanking.TopMechanics(
                ranking.topMechanics(start, end, n == null ? 10 : n.intValue()), start, end, ranking.asOf());
    }
}
