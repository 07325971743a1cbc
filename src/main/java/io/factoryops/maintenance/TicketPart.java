package io.factoryops.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Parts fitted on a service ticket: how many, at the part's unit cost when they were fitted; given back to
 * stock once ({@code returned_at}) when the line is removed or the ticket cancelled.
 */
@Entity
@Table(name = "service_ticket_parts")
public class TicketPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private ServiceTicket ticket;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "part_id", nullable = false, updatable = false)
    private long partId;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "unit_cost", nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal unitCost;

    @Column(name = "line_total", nullable = false, updatable = false, precision = 14, scale = 2)
    private BigDecimal lineTotal;

    @Column(name = "fitted_by", nullable = false, updatable = false, length = 50)
    private String fittedBy;

    @Column(name = "fitted_at", nullable = false, updatable = false)
    private Instant fittedAt;

    @Column(name = "returned_at")
    private Instant returnedAt;

    protected TicketPart() {}

    TicketPart(ServiceTicket ticket, int lineNo, long partId, int quantity, BigDecimal unitCost, String fittedBy) {
        this.ticket = ticket;
        this.lineNo = lineNo;
        this.partId = partId;
        this.quantity = quantity;
        this.unitCost = unitCost.setScale(2, RoundingMode.HALF_UP);
        this.lineTotal = this.unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        this.fittedBy = fittedBy;
        this.fittedAt = Instant.now();
    }

    boolean fitted() {
        return returnedAt == null;
    }

    void returned() {
        if (returnedAt != null) {
            throw new IllegalStateException("line " + id + " was returned already");
        }
        returnedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public int getLineNo() {
        return lineNo;
    }

    public long getPartId() {
        return partId;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public BigDecimal getLineTotal() {
        return lineTotal;
    }

    public String getFittedBy() {
        return fittedBy;
    }

    public Instant getFittedAt() {
        return fittedAt;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }
}
