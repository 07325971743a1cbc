package io.factoryops.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row of {@code event_sequence}: the last {@code seq_no} given, and the sequencer's lock. */
@Entity
@Table(name = "event_sequence")
public class EventSequence {

    static final int ROW = 1;

    @Id
    private Integer id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    protected EventSequence() {}

    long next() {
        return ++lastSeq;
    }
}
