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
import java.time.Instant;

/** A mechanic on a service ticket, with the labour hours recorded for them there. */
@Entity
@Table(name = "service_ticket_mechanics")
public class Assignment {

    /** The most hours one mechanic's row holds: DECIMAL(7, 2). */
    static final BigDecimal MAX_HOURS = new BigDecimal("99999.99");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private ServiceTicket ticket;

    @Column(name = "mechanic_id", nullable = false, updatable = false)
    private long mechanicId;

    @Column(nullable = false, precision = 7, scale = 2)
    private BigDecimal hours;

    @Column(name = "assigned_by", nullable = false, updatable = false, length = 50)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    protected Assignment() {}

    Assignment(ServiceTicket ticket, long mechanicId, String assignedBy) {
        this.ticket = ticket;
        this.mechanicId = mechanicId;
        this.assignedBy = assignedBy;
        this.assignedAt = Instant.now();
        this.hours = BigDecimal.ZERO.setScale(2);
    }

    void addHours(BigDecimal more) {
        hours = hours.add(more).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public Long getId() {
        return id;
    }

    public ServiceTicket getTicket() {
        return ticket;
    }

    public long getMechanicId() {
        return mechanicId;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }
}
