package io.factoryops.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The {@code Idempotency-Key} reservation of the current request, from {@link IdempotencyFilter} (which
 * reserves it) to {@link IdempotentTransaction} (which completes it in the business transaction) and back.
 */
@RequestScoped
public class IdempotencyContext {

    private Long reservation;
    private boolean completed;

    void reserved(long id) {
        reservation = id;
    }

    Long reservation() {
        return reservation;
    }

    /** The answer was stored with the business change, in its transaction, which committed. */
    void completed() {
        completed = true;
    }

    boolean isCompleted() {
        return completed;
    }
}
