package io.factoryops.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Numbers committed events in the order they became visible ({@code seq_no}), which is the feed's order. An
 * event's id is drawn when its transaction inserts it, so ids commit out of order: a reader paging by id could
 * pass id 11 while id 10 is still uncommitted, and never see 10. Numbering happens here instead, after commit, one
 * run at a time in the whole cluster (the run holds {@code event_sequence}'s row lock): whatever a run numbers is
 * committed, and what commits later gets a higher number. So a reader who has seen {@code seq_no} n never meets a
 * new event below n: the feed has no gaps under concurrent writes. The cost is a short delay (the poll interval)
 * between a change and its event in the feed.
 */
@ApplicationScoped
public class EventSequencer {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    DeliveryOutbox deliveries;

    /**
     * Numbers up to {@value #BATCH} new events, oldest first, and writes their webhook deliveries in the same
     * transaction (so each event is fanned out exactly once); returns them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<StoredEvent> numberNew() {
        EventSequence sequence = em.find(EventSequence.class, EventSequence.ROW, LockModeType.PESSIMISTIC_WRITE);
        List<StoredEvent> fresh = em.createQuery(
                        "SELECT e FROM StoredEvent e WHERE e.seqNo IS NULL ORDER BY e.id", StoredEvent.class)
                .setMaxResults(BATCH)
                .getResultList();
        fresh.forEach(e -> e.numbered(sequence.next()));
        deliveries.fanOut(fresh);
        return fresh;
    }
}
