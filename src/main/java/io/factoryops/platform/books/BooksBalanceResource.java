package io.factoryops.platform.books;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/books-balance}: whether the books balance, for operators after a restore. */
@Path("books-balance")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class BooksBalanceResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    BooksBalance books;

    @GET
    // identity's Permission.BOOKS_CHECK, named by its value: the platform knows no feature
    @RolesAllowed("books:check")
    @Operation(
            operationId = "checkBooksBalance",
            summary = "Check that the books balance",
            description = "Runs every consistency check of the database in one read-only transaction: every stock "
                    + "item's quantity equals the sum of its ledger; every order is whole (it has lines, its units, "
                    + "subtotal, tax and total agree with them); every stored Idempotency-Key answer that created a "
                    + "document (an order, a purchase order, a service ticket) names one that exists; and no "
                    + "migration is pending. `balanced` is true when all hold. Run it after restoring a backup "
                    + "(docs/OPERATIONS.md). Each check costs one set-based query over its tables (seconds at a "
                    + "million orders), so it is not for a monitoring probe.")
    @APIResponse(
            responseCode = "200",
            description = "The checks' results (200 also when unbalanced: read `balanced`)",
            content = @Content(schema = @Schema(implementation = BooksBalanceResponse.class)))
    public BooksBalanceResponse check(
            @Parameter(
                            description = "At most this many offending ids listed per check (1–" + MAX_LIMIT
                                    + ", default " + DEFAULT_LIMIT + "); the counts are always whole",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .INTEGER,
                                            minimum = "1",
                                            maximum = "1000"))
                    @QueryParam("limit")
                    String limit) {
        Long n = Params.optionalLong("limit", limit, 1, MAX_LIMIT);
        return books.check(n == null ? DEFAULT_LIMIT : n.intValue());
    }
}
