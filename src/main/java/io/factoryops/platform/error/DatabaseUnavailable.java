package io.factoryops.platform.error;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one answer to "the database cannot be reached or did not answer in time": 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, never a 500. Which failures count: no
 * connection from the pool within its {@code connectionTimeout} (Liberty's
 * {@code ConnectionWaitTimeoutException} is a {@link SQLTransientConnectionException}), no new
 * connection (SQLState class {@code 08}, {@link SQLNonTransientConnectionException}), a connection that
 * broke ({@link SQLRecoverableException}, a socket error, H2's "connection is broken"), a statement past
 * the data source's {@code queryTimeout} ({@link SQLTimeoutException}, SQLState {@code 57014} on H2,
 * {@code 70100} on MySQL). The transaction of the request was rolled back by then: nothing it wrote is
 * kept, so the client may retry (with the same {@code Idempotency-Key} where it sent one).
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before retrying. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** SQLStates of a cancelled statement (query timeout) on H2 and MySQL/MariaDB. */
    private static final Set<String> TIMEOUT_STATES = Set.of("57014", "70100");
    /** H2's "connection is broken" (its SQLState is its error code). */
    private static final String H2_CONNECTION_BROKEN = "90067";

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or one of its causes says the database is unreachable or too slow. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
                    || t instanceof SocketException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TIMEOUT_STATES.contains(sql.getSQLState())
                    || H2_CONNECTION_BROKEN.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem, {@code detail} saying what could not be done. */
    public static ApiException problem(String detail) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, detail + "; retry after " + RETRY_AFTER_SECONDS + " s",
                List.of(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
