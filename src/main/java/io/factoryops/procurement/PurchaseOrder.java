package io.factoryops.procurement;

import io.factoryops.platform.db.VersionedEntity;
import io.factoryops.platform.error.InvalidTransitionException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A purchase order to a supplier. It guards its own life: which transition each status allows, four
 * eyes on approval and rejection (never by its creator, its last editor or its submitter), edits only while
 * draft or pending (an edit of a pending order sends it back to draft: what was submitted is what is
 * approved), receipts never beyond what was ordered. The stock it receives moves through the ledger
 * ({@link PurchaseOrderService}); whether the approver's account is tied to one of its people is the
 * service's question (it asks identity).
 */
@Entity
@Table(name = "purchase_orders")
public class PurchaseOrder extends VersionedEntity {

    /** The highest total the column holds: DECIMAL(14, 2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    @Column(name = "po_number", nullable = false, unique = true, length = 40)
    private String poNumber;

    @Column(name = "supplier_id", nullable = false)
    private long supplierId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PurchaseOrderStatus status;

    @Column(name = "expected_date")
    private LocalDate expectedDate;

    @Column(length = 2000)
    private String notes;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalAmount;

    @Column(name = "created_by", nullable = false, updatable = false, length = 50)
    private String createdBy;

    /** Who wrote the current content: the creator, until someone replaces it. */
    @Column(name = "last_edited_by", nullable = false, length = 50)
    private String lastEditedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** Who submitted the current content; null while draft. */
    @Column(name = "submitted_by", length = 50)
    private String submittedBy;

    @Column(name = "approved_by", length = 50)
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "rejected_by", length = 50)
    private String rejectedBy;

    @Column(name = "rejected_at")
    private Instant rejectedAt;

    @Column(name = "rejection_reason", length = 500)
    private String rejectionReason;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @OneToMany(mappedBy = "purchaseOrder", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    @BatchFetch(BatchFetchType.IN)
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {}

    /** A new draft; its number is given once it has an id ({@link #numbered}). */
    PurchaseOrder(String createdBy, String provisionalNumber) {
        this.createdBy = createdBy;
        this.lastEditedBy = createdBy;
        this.poNumber = provisionalNumber;
        this.status = PurchaseOrderStatus.DRAFT;
        this.totalAmount = BigDecimal.ZERO.setScale(2);
    }

    /** PO-2026-000042: the year it was created and its id; unique, readable, not gap-free. */
    void numbered(int year) {
        this.poNumber = String.format("PO-%d-%06d", year, getId());
    }

    /**
     * Supplier, dates, notes and lines (part → quantity, unit cost, in the client's order), written by
     * {@code editor}, while editable. A pending order goes back to draft: its content froze when it was
     * submitted, so a change needs a new submit (and its editor may not approve it).
     */
    void describe(
            String editor, long supplierId, LocalDate expectedDate, String notes, List<Object[]> partQuantityCost) {
        requireStatus("edit", status.editable());
        this.lastEditedBy = editor;
        if (status == PurchaseOrderStatus.PENDING) {
            status = PurchaseOrderStatus.DRAFT;
            submittedAt = null;
            submittedBy = null;
        }
        this.supplierId = supplierId;
        this.expectedDate = expectedDate;
        this.notes = notes;
        lines.clear();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int lineNo = 1;
        for (Object[] l : partQuantityCost) {
            PurchaseOrderLine line =
                    new PurchaseOrderLine(this, lineNo++, (Long) l[0], (Integer) l[1], (BigDecimal) l[2]);
            lines.add(line);
            total = total.add(line.getLineTotal());
        }
        this.totalAmount = total;
    }

    void submit(String submitter) {
        transition("submit", PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.PENDING);
        submittedAt = Instant.now();
        submittedBy = submitter;
    }

    void approve(String admin) {
        requireFourEyes(admin, "approve");
        transition("approve", PurchaseOrderStatus.PENDING, PurchaseOrderStatus.APPROVED);
        approvedBy = admin;
        approvedAt = Instant.now();
    }

    void reject(String admin, String reason) {
        requireFourEyes(admin, "reject");
        transition("reject", PurchaseOrderStatus.PENDING, PurchaseOrderStatus.REJECTED);
        rejectedBy = admin;
        rejectedAt = Instant.now();
        rejectionReason = reason;
    }

    void cancel() {
        requireStatus(
                "cancel",
                status == PurchaseOrderStatus.DRAFT
                        || status == PurchaseOrderStatus.PENDING
                        || status == PurchaseOrderStatus.APPROVED);
        status = PurchaseOrderStatus.CANCELLED;
        cancelledAt = Instant.now();
    }

    /**
     * Receives units per line (line id → units; each at most what is outstanding: the caller has
     * checked, this refuses anyway) and moves to partially_received or received.
     */
    void receive(String verb, Map<Long, Integer> unitsByLine) {
        requireStatus(verb, status == PurchaseOrderStatus.APPROVED || status == PurchaseOrderStatus.PARTIALLY_RECEIVED);
        for (PurchaseOrderLine line : lines) {
            Integer units = unitsByLine.get(line.getId());
            if (units != null) {
                line.receive(units);
            }
        }
        boolean complete = lines.stream().allMatch(l -> l.outstanding() == 0);
        status = complete ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTIALLY_RECEIVED;
        if (complete) {
            receivedAt = Instant.now();
        }
    }

    /** 409 INVALID_TRANSITION unless the current status allows the verb. */
    void requireStatus(String verb, boolean allowed) {
        if (!allowed) {
            throw new InvalidTransitionException(
                    "Purchase order " + poNumber, status.value(), verb, status.allowedTransitions());
        }
    }

    private void transition(String verb, PurchaseOrderStatus from, PurchaseOrderStatus to) {
        requireStatus(verb, status == from);
        status = to;
    }

    /**
     * Four eyes: 403 {@code SELF_APPROVAL} when {@code approver} created, last edited or submitted this order
     * (approving or rejecting it is deciding on one's own work).
     */
    void requireFourEyes(String approver, String verb) {
        if (createdBy.equals(approver)) {
            throw new SelfApprovalException(poNumber, verb, "created");
        }
        if (approver.equals(lastEditedBy)) {
            throw new SelfApprovalException(poNumber, verb, "last edited");
        }
        if (approver.equals(submittedBy)) {
            throw new SelfApprovalException(poNumber, verb, "submitted");
        }
    }

    /** The people whose work an approval decides on: its creator, last editor and submitter (if submitted). */
    Set<String> people() {
        Set<String> people = new LinkedHashSet<>();
        people.add(createdBy);
        people.add(lastEditedBy);
        if (submittedBy != null) {
            people.add(submittedBy);
        }
        return people;
    }

    public String getPoNumber() {
        return poNumber;
    }

    public long getSupplierId() {
        return supplierId;
    }

    public PurchaseOrderStatus getStatus() {
        return status;
    }

    public LocalDate getExpectedDate() {
        return expectedDate;
    }

    public String getNotes() {
        return notes;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getLastEditedBy() {
        return lastEditedBy;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getRejectedBy() {
        return rejectedBy;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public List<PurchaseOrderLine> getLines() {
        return lines;
    }
}
