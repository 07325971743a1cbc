package io.factoryops.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One integration event as stored: written by {@link EventPublisher} in the transaction of the change, numbered
 * after commit by {@link EventSequencer} ({@code seq_no}, the feed's order), never changed otherwise, and purged
 * after the retention ({@link ExpiredEvents}).
 */
@Entity
@Table(name = "events")
public class StoredEvent {

    static final int SUBJECT_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false, length = 36)
    private String eventId;

    @Column(nullable = false, updatable = false, length = 40)
    private String type;

    @Column(nullable = false, updatable = false, length = 100)
    private String source;

    @Column(nullable = false, updatable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Lob
    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "seq_no")
    private Long seqNo;

    protected StoredEvent() {}

    StoredEvent(String eventId, EventType type, String subject, Instant occurredAt, String payload) {
        this.eventId = eventId;
        this.type = type.value();
        this.source = type.source();
        this.subject = subject;
        this.occurredAt = occurredAt;
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getType() {
        return type;
    }

    public String getSource() {
        return source;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getPayload() {
        return payload;
    }

    public Long getSeqNo() {
        return seqNo;
    }

    void numbered(long seq) {
        this.seqNo = seq;
    }
}
