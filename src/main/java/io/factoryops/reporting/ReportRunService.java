package io.factoryops.reporting;

import io.factoryops.identity.Role;
import io.factoryops.notification.MailAttachment;
import io.factoryops.notification.NotificationService;
import io.factoryops.notification.NotificationType;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.json.JsonConfig;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.reporting.export.ExportFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Monthly report runs: the previous month's inventory valuation ({@link InventoryReport}) and procurement
 * summary ({@link PurchaseOrderReport}) computed and stored as runs, then announced to the managers
 * ({@link NotificationType#REPORT_READY}, mailed with both reports attached, as JSON and as PDF, when mail is
 * configured), audited —
 * all in one transaction, so that a run is stored with its mails or not at all (the outbox stays transactional).
 * Idempotent: a month whose runs exist stores nothing more and mails no one; two servers racing on the same
 * month meet the unique key, and the loser's transaction rolls back whole (409 CONFLICT for an admin's trigger).
 */
@ApplicationScoped
public class ReportRunService {

    private static final Logger LOG = Logger.getLogger(ReportRunService.class.getName());
    private static final Map<String, String> SORT_ATTRIBUTES =
            SortFields.attributes("created_at", "period_start", "id");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();
    /** Rows per list in a stored run: the reports' largest limit. */
    static final int RUN_LIMIT = 1_000;
    /** Slow movers in a stored inventory run: no movement in 90 days. */
    static final int RUN_SLOW_DAYS = 90;

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    InventoryReportService inventory;

    @Inject
    PurchaseOrderReportService purchaseOrders;

    @Inject
    NotificationService notifications;

    @Inject
    AuditService audit;

    /** What a trigger did: the month's runs, and whether this trigger stored them. */
    public record MonthlyRuns(
            @Schema(pattern = "^[0-9]{4}-[0-9]{2}$") String month,

            @Schema(
                    description = "Whether this trigger stored them (false: they existed already, nothing was "
                            + "stored or mailed)")
            boolean created,

            List<ReportRunResponse> runs) {}

    /**
     * Stores the month's runs that do not exist yet and tells the managers; a month whose runs all exist is left
     * as it is.
     *
     * @param actor the admin who triggered it, or null for the timer
     */
    @Transactional
    public MonthlyRuns runMonthly(YearMonth month, ReportTrigger trigger, String actor) {
        ReportPeriod period = ReportPeriod.of(month);
        List<ReportRun> runs = new ArrayList<>(
                em.createQuery("SELECT r FROM ReportRun r WHERE r.periodStart = :start", ReportRun.class)
                        .setParameter("start", period.from())
                        .getResultList());
        Set<ReportKind> missing = EnumSet.allOf(ReportKind.class);
        runs.forEach(r -> missing.remove(r.getKind()));
        if (missing.isEmpty()) {
            return new MonthlyRuns(month.toString(), false, responses(runs));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<MailAttachment> attachments = new ArrayList<>();
        for (ReportKind kind : missing) {
            Report report = compute(kind, period);
            byte[] json = JsonConfig.jsonb().toJson(report).getBytes(StandardCharsets.UTF_8);
            ReportRun run = new ReportRun(kind, period, trigger, json.length, actor, now);
            em.persist(run);
            Constraints.flush(
                    em,
                    () -> new ApiException(
                            ErrorCode.CONFLICT,
                            "The " + month + " reports are being "
                                    + "stored by another trigger right now; list them in a moment"));
            em.persist(new ReportRunContent(run.getId(), new String(json, StandardCharsets.UTF_8)));
            runs.add(run);
            audit.record(AuditAction.CREATE, "report_run", run.getId(), null, ReportRunResponse.of(run));
            attachments.add(new MailAttachment(run.fileName(ExportFormat.JSON), ExportFormat.JSON.mediaType(), json));
            attachments.add(new MailAttachment(
                    run.fileName(ExportFormat.PDF),
                    ExportFormat.PDF.mediaType(),
                    ReportDocument.bytes(report, kind.title(), Map.of(), ExportFormat.PDF)));
        }
        runs.sort(java.util.Comparator.comparing(ReportRun::getKind));
        String files = String.join(
                ", ", attachments.stream().map(MailAttachment::fileName).toList());
        int told = notifications.notifyRole(
                Role.MANAGER,
                NotificationType.REPORT_READY,
                "Monthly reports " + month,
                "The reports of " + month + " are ready: " + files + " (GET /api/reports/runs; attached to the "
                        + "mail of this notification).",
                null,
                null,
                attachments);
        LOG.info(() -> "Report runs of " + month + " stored (" + trigger + "), " + told + " manager(s) notified");
        return new MonthlyRuns(month.toString(), true, responses(runs));
    }

    private Report compute(ReportKind kind, ReportPeriod period) {
        return switch (kind) {
            case INVENTORY ->
                inventory.report(period, new InventoryReportService.Filter(null, null, RUN_SLOW_DAYS, RUN_LIMIT));
            case PURCHASE_ORDERS -> purchaseOrders.report(period, null, RUN_LIMIT);
        };
    }

    private static List<ReportRunResponse> responses(List<ReportRun> runs) {
        return runs.stream()
                .sorted(java.util.Comparator.comparing(ReportRun::getKind))
                .map(ReportRunResponse::of)
                .toList();
    }

    /** The runs, newest first by default; optionally one kind only. */
    @Transactional
    public Page<ReportRunResponse> list(PageRequest page, ReportKind kind) {
        return JpaPaging.find(
                        em,
                        ReportRun.class,
                        page,
                        SORT_ATTRIBUTES,
                        (cb, root) -> kind == null ? List.of() : List.of(cb.equal(root.get("kind"), kind)))
                .map(ReportRunResponse::of);
    }

    /** A run's report as a file. */
    public record Download(String fileName, String mediaType, byte[] content) {}

    /**
     * The one place a run becomes a file: JSON is the stored report as it is; CSV, XLSX and PDF render the stored
     * report's {@link Report#sections()} with the export writers, one table per section.
     */
    @Transactional
    public Download download(long id, ExportFormat format) {
        ReportRun run = em.find(ReportRun.class, id);
        if (run == null) {
            throw ApiException.notFound("Report run", id);
        }
        String payload = em.find(ReportRunContent.class, id).getPayload();
        if (format == ExportFormat.JSON) {
            return new Download(run.fileName(format), format.contentType(), payload.getBytes(StandardCharsets.UTF_8));
        }
        Report report = JsonConfig.jsonb().fromJson(payload, run.getKind().reportType());
        return new Download(
                run.fileName(format),
                format.contentType(),
                ReportDocument.bytes(report, run.getKind().title(), Map.of(), format));
    }
}
