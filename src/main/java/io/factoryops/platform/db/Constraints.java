package io.factoryops.platform.db;

import io.factoryops.platform.error.ApiException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.function.Supplier;

/** Turns database constraint violations (a race past a service's own checks) into client errors. */
public final class Constraints {

    private Constraints() {}

    /**
     * Flushes pending changes; a unique or foreign-key violation becomes the given client error,
     * anything else propagates.
     */
    public static void flush(EntityManager em, Supplier<ApiException> onViolation) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isViolation(e)) {
                throw onViolation.get();
            }
            throw e;
        }
    }

    /** Whether the failure is a constraint violation (SQLSTATE class 23). */
    public static boolean isViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
