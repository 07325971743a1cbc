package io.factoryops.maintenance;

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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A customer's vehicle or machine in for service. It guards its own life: the transitions each status
 * allows, mechanics each on it once, labour and parts only while open or in progress, each part line given
 * back once. Its totals follow from its lines and from the labour and tax rates fixed when it was opened.
 * The stock its parts take and give back moves through the ledger ({@link ServiceTicketService}).
 */
@Entity
@Table(name = "service_tickets")
public class ServiceTicket extends VersionedEntity {

    /** The highest total the API shows with two decimals in a DECIMAL(14, 2). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(length = 17)
    private String vin;

    @Column(length = 64)
    private String serial;

    @Column(length = 60)
    private String make;

    @Column(length = 60)
    private String model;

    @Column(name = "asset_year")
    private Integer year;

    @Column(nullable = false, length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TicketPriority priority;

    @Column(name = "service_date", nullable = false)
    private LocalDate serviceDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TicketStatus status;

    @Column(name = "labour_rate", nullable = false, updatable = false, precision = 10, scale = 2)
    private BigDecimal labourRate;

    @Column(name = "tax_rate", nullable = false, updatable = false, precision = 5, scale = 4)
    private BigDecimal taxRate;

    @Column(name = "created_by", nullable = false, updatable = false, length = 50)
    private String createdBy;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @BatchFetch(BatchFetchType.IN)
    private List<Assignment> assignments = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    @BatchFetch(BatchFetchType.IN)
    private List<TicketPart> parts = new ArrayList<>();

    protected ServiceTicket() {}

    ServiceTicket(long customerId, BigDecimal labourRate, BigDecimal taxRate, String createdBy) {
        this.customerId = customerId;
        this.labourRate = labourRate.setScale(2, RoundingMode.HALF_UP);
        this.taxRate = taxRate;
        this.createdBy = createdBy;
        this.status = TicketStatus.OPEN;
    }

    /** The asset and the work asked for. */
    record Details(
            String vin,
            String serial,
            String make,
            String model,
            Integer year,
            String description,
            TicketPriority priority,
            LocalDate serviceDate) {}

    /** The asset and the work asked for. */
    void describe(Details details) {
        this.vin = details.vin();
        this.serial = details.serial();
        this.make = details.make();
        this.model = details.model();
        this.year = details.year();
        this.description = details.description();
        this.priority = details.priority();
        this.serviceDate = details.serviceDate();
    }

    /** New details (asset, work asked for, priority, service date) while open or in progress. */
    void revise(Details details) {
        requireWorkable("edit");
        describe(details);
    }

    void start() {
        transition("start", TicketStatus.OPEN, TicketStatus.IN_PROGRESS);
        startedAt = Instant.now();
    }

    void complete() {
        transition("complete", TicketStatus.IN_PROGRESS, TicketStatus.COMPLETED);
        completedAt = Instant.now();
    }

    /**
     * Cancels the ticket and marks every part line still fitted as returned.
     *
     * @return those lines, whose parts the caller gives back to stock
     */
    List<TicketPart> cancel() {
        requireWorkable("cancel");
        status = TicketStatus.CANCELLED;
        cancelledAt = Instant.now();
        List<TicketPart> back = parts.stream().filter(TicketPart::fitted).toList();
        back.forEach(TicketPart::returned);
        return back;
    }

    Assignment assign(long mechanicId, String by, String field) {
        requireWorkable("assign mechanics");
        if (assignment(mechanicId).isPresent()) {
            throw AssignmentException.alreadyAssigned(field, getId(), mechanicId);
        }
        Assignment assignment = new Assignment(this, mechanicId, by);
        assignments.add(assignment);
        return assignment;
    }

    /** Removes a mechanic who has no labour recorded here: hours are never deleted with their row. */
    void unassign(long mechanicId, String field) {
        requireWorkable("remove mechanics");
        Assignment assignment =
                assignment(mechanicId).orElseThrow(() -> AssignmentException.notAssigned(field, getId(), mechanicId));
        if (assignment.getHours().signum() != 0) {
            throw AssignmentException.labourRecorded(field, getId(), mechanicId, assignment.getHours());
        }
        assignments.remove(assignment);
    }

    void recordLabour(long mechanicId, BigDecimal hours, String field) {
        requireWorkable("record labour");
        Assignment assignment =
                assignment(mechanicId).orElseThrow(() -> AssignmentException.notAssigned(field, getId(), mechanicId));
        if (assignment.getHours().add(hours).compareTo(Assignment.MAX_HOURS) > 0) {
            throw new IllegalArgumentException("hours");
        }
        assignment.addHours(hours);
    }

    TicketPart fit(long partId, int quantity, BigDecimal unitCost, String by) {
        requireWorkable("fit parts");
        int lineNo = parts.stream().mapToInt(TicketPart::getLineNo).max().orElse(0) + 1;
        TicketPart line = new TicketPart(this, lineNo, partId, quantity, unitCost, by);
        parts.add(line);
        return line;
    }

    /** Marks a fitted line returned; the caller gives its parts back. Empty when the ticket has no such line. */
    Optional<TicketPart> returnLine(long lineId) {
        requireWorkable("return parts");
        Optional<TicketPart> line =
                parts.stream().filter(l -> l.getId() == lineId).findFirst();
        line.ifPresent(TicketPart::returned);
        return line;
    }

    boolean isAssigned(long mechanicId) {
        return assignment(mechanicId).isPresent();
    }

    Optional<Assignment> assignment(long mechanicId) {
        return assignments.stream().filter(a -> a.getMechanicId() == mechanicId).findFirst();
    }

    /** In the mechanics' queue: nobody works it yet, and it may still be worked. */
    boolean isOpenToTake() {
        return assignments.isEmpty() && status.workable();
    }

    /** 409 INVALID_TRANSITION unless mechanics, labour and parts may still change. */
    void requireWorkable(String verb) {
        if (!status.workable()) {
            throw new InvalidTransitionException(
                    "Service ticket " + getId(), status.value(), verb, status.allowedTransitions());
        }
    }

    private void transition(String verb, TicketStatus from, TicketStatus to) {
        if (status != from) {
            throw new InvalidTransitionException(
                    "Service ticket " + getId(), status.value(), verb, status.allowedTransitions());
        }
        status = to;
    }

    /** What the fitted parts cost (returned lines left out). */
    public BigDecimal partsTotal() {
        return parts.stream()
                .filter(TicketPart::fitted)
                .map(TicketPart::getLineTotal)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal labourHours() {
        return assignments.stream().map(Assignment::getHours).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal labourTotal() {
        return labourHours().multiply(labourRate).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal subtotal() {
        return partsTotal().add(labourTotal());
    }

    public BigDecimal tax() {
        return subtotal().multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal total() {
        return subtotal().add(tax());
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getVin() {
        return vin;
    }

    public String getSerial() {
        return serial;
    }

    public String getMake() {
        return make;
    }

    public String getModel() {
        return model;
    }

    public Integer getYear() {
        return year;
    }

    public String getDescription() {
        return description;
    }

    public TicketPriority getPriority() {
        return priority;
    }

    public LocalDate getServiceDate() {
        return serviceDate;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public BigDecimal getLabourRate() {
        return labourRate;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public List<Assignment> getAssignments() {
        return assignments;
    }

    public List<TicketPart> getParts() {
        return parts;
    }
}
