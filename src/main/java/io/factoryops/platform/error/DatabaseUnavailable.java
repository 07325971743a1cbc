package io.factoryops.platform.error;

import io.factoryops.platform.request.CurrentRequest;
import jakarta.transaction.RollbackException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The one answer to "the database cannot be reached or did not answer in time": 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, never a 500. Which failures count: no
 * connection from the pool within its {@code connectionTimeout} (Liberty's
 * {@code ConnectionWaitTimeoutException} is a {@link SQLTransientConnectionException}), no new
 * connection (SQLState class {@code 08}, {@link SQLNonTransientConnectionException}), a connection that
 * broke ({@link SQLRecoverableException}, a socket error, H2's "connection is broken"), a statement past
 * the data source's {@code queryTimeout} ({@link SQLTimeoutException}, SQLState {@code 57014} on H2,
 * {@code 70100} on MySQL). The transaction of the request was rolled back by then: nothing it wrote is
 * kept, so the client may retry (with a sent {@code Idempotency-Key}: the same key, unless the database went
 * away before the key could be freed, when it answers 409 until abandoned: IdempotencyFilter).
 *
 * <p>What a cut between Liberty and MariaDB looked like in DatabaseOutageIT (mysql-connector-j 9.5,
 * Liberty 26.0.0.3, EclipseLink 4.0.9): the driver's {@code CommunicationsException} (SQLState {@code 08S01})
 * on the requests that met the cut, also re-thrown by Liberty as a plain {@link SQLRecoverableException};
 * then, while Liberty purged its pool, "No operations allowed after statement closed." (SQLState
 * {@code S1009}, which says nothing of the connection: the message decides) and "No operations allowed after
 * connection closed." ({@code 08003}) from handles of purged connections, and Liberty's "DSRA9110E: Connection
 * is closed." ({@code 08003}). They arrived inside EclipseLink's {@code DatabaseException}, itself inside a
 * {@code PersistenceException}, a {@code PessimisticLockException} (a locking read that met the cut), or the
 * {@code TransactionalException} of a failed commit: the whole cause chain is read. A row lock held past
 * {@code queryTimeout}: the driver's {@code MySQLTimeoutException} (an {@link SQLTimeoutException}). The pool's
 * {@code ConnectionWaitTimeoutException} (a {@link SQLTransientConnectionException}) did not occur there: the
 * pool never ran out.
 *
 * <p>A transaction past its timeout (FACTORY_TRANSACTION_TIMEOUT, Liberty's {@code totalTranLifetimeTimeout}) is
 * one too: Liberty marks it rollback-only and aborts its connections when the time is up; the request then fails at
 * its next statement or at the commit, with a {@link RollbackException} that has no cause (a rollback the
 * application caused carries its exception, or a cause). Its database did not answer in time, so 503 too.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before retrying. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** SQLStates of a cancelled statement (query timeout) on H2 and MySQL/MariaDB. */
    private static final Set<String> TIMEOUT_STATES = Set.of("57014", "70100");
    /** H2's "connection is broken" and "database is closed" (its SQLStates are its error codes). */
    private static final Set<String> H2_CONNECTION_LOST = Set.of("90067", "90098");
    /**
     * mysql-connector-j's statement or connection closed underneath its user, which is what a statement of a
     * connection that Liberty purged after a communications failure says; its statement variant carries the
     * SQLState S1009 ("illegal argument"), which says nothing of the connection, so the message decides.
     */
    private static final String MYSQL_CLOSED = "No operations allowed after ";

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());

    private DatabaseUnavailable() {}

    /** True when {@code failure} or one of its causes says the database is unreachable or too slow. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || TIMEOUT_STATES.contains(sql.getSQLState())
                            || H2_CONNECTION_LOST.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof RollbackException && t.getCause() == null) {
                return true; // the transaction manager rolled back on its own: the transaction timed out
            }
            if (t.getMessage() != null
                    && t.getMessage().startsWith(MYSQL_CLOSED)
                    && (t instanceof SQLException || t.getClass().getName().startsWith("com.mysql."))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 503 problem for a request that failed with {@code failure} (which {@link #causedBy} accepted),
     * logged as one WARNING line naming the database's own error, without a stack trace: during an
     * outage every request fails alike, and a stack per request would bury the log.
     */
    public static ApiException answer(Throwable failure) {
        LOG.warning(() -> CurrentRequest.logPrefix() + "Database unavailable, answered 503: " + databaseError(failure));
        return problem("The database is unavailable or did not answer in time");
    }

    /** The innermost SQL or socket error of the chain (the database's own words), else the failure itself. */
    static String databaseError(Throwable failure) {
        Throwable found = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof SocketException) {
                found = t;
            }
        }
        String message = found.getMessage() == null
                ? ""
                : found.getMessage().lines().findFirst().orElse("");
        return found.getClass().getName() + (found instanceof SQLException sql ? " [" + sql.getSQLState() + "]" : "")
                + ": " + message;
    }

    /** The 503 problem, {@code detail} saying what could not be done. */
    public static ApiException problem(String detail) {
        return ApiException.retryLater(
                ErrorCode.SERVICE_UNAVAILABLE,
                detail + "; retry after " + RETRY_AFTER_SECONDS + " s",
                RETRY_AFTER_SECONDS);
    }
}
