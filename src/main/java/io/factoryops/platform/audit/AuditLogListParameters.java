package io.factoryops.platform.audit;

import io.factoryops.platform.http.DateRange;
import io.factoryops.platform.http.Params;
import io.factoryops.platform.paging.ListParameters;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

/** The query parameters of {@code GET /api/audit-logs} and of its export, {@code GET /api/export/audit-logs}. */
public class AuditLogListParameters extends ListParameters {

    @QueryParam("actor")
    String actor;

    @QueryParam("entity_type")
    String entityType;

    @QueryParam("entity_id")
    String entityId;

    @QueryParam("action")
    String action;

    @BeanParam
    DateRange dates;

    public AuditLogListParameters() {
        super(20, AuditService.SORTABLE, "-occurred_at", AuditService.SEEKABLE);
    }

    /** The filters, checked: 400 naming a bad one. */
    public AuditService.Filter filter() {
        return new AuditService.Filter(
                Params.optionalText("actor", actor),
                Params.optionalText("entity_type", entityType),
                Params.optionalText("entity_id", entityId),
                Params.optionalText("action", action),
                dates.from(),
                dates.to());
    }
}
