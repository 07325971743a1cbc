package io.factoryops.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reads what decides whether an access token is still good, in a transaction of its own: its
 * connection goes back to the pool at once instead of staying with the request until it ends.
 */
@ApplicationScoped
class AccessTokenStates {

    /** The account's state and whether the token was logged out. */
    record State(boolean exists, boolean active, int tokenGeneration, boolean loggedOut) {}

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Transactional
    State read(long userId, String jti) {
        // one query: the account's state and whether this token was logged out
        List<Object[]> rows = em.createQuery(
                        "SELECT u.active, u.tokenGeneration, "
                                + "(SELECT COUNT(r) FROM RevokedAccessToken r WHERE r.jti = :jti) "
                                + "FROM UserAccount u WHERE u.id = :id",
                        Object[].class)
                .setParameter("id", userId)
                .setParameter("jti", jti == null ? "" : jti)
                .getResultList();
        if (rows.isEmpty()) {
            return new State(false, false, 0, false);
        }
        Object[] row = rows.get(0);
        return new State(
                true, Boolean.TRUE.equals(row[0]), ((Number) row[1]).intValue(), ((Number) row[2]).longValue() > 0);
    }
}
