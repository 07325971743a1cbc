package io.factoryops.platform.audit;

import io.factoryops.platform.paging.ExportedAs;
import io.factoryops.platform.paging.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/audit-logs}: read by admin. */
@Path("audit-logs")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditLogResource {

    @Inject
    AuditService audit;

    @Context
    UriInfo uriInfo;

    @GET
    @ExportedAs("audit-logs")
    // identity's Permission.AUDIT_LOGS_READ, named by its value: the platform knows no feature
    @RolesAllowed("audit-logs:read")
    @Parameter(
            name = "after",
            in = ParameterIn.QUERY,
            description = "Keyset paging: the pagination.next_cursor of the page before; costs the same at any depth",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    @Operation(
            operationId = "listAuditLogs",
            summary = "Read the audit log",
            description = "Newest first by default. Filters: "
                    + "actor, entity_type, entity_id, action, date_from, date_to (YYYY-MM-DD, UTC, inclusive). "
                    + "Sort: occurred_at, actor, action.")
    @APIResponse(
            responseCode = "200",
            description = "A page of audit rows",
            content = @Content(schema = @Schema(implementation = AuditLogResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam AuditLogListParameters parameters) {
        return Paging.ok(audit.list(parameters.page(uriInfo), parameters.filter()), uriInfo);
    }
}
