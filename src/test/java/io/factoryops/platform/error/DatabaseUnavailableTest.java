package io.factoryops.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.exceptions.CommunicationsException;
import com.mysql.cj.jdbc.exceptions.MySQLTimeoutException;
import com.mysql.cj.jdbc.exceptions.SQLError;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

/**
 * What counts as "the database is unavailable": the exceptions DatabaseOutageIT saw while a proxy cut Liberty
 * from MariaDB (mysql-connector-j 9.5, Liberty 26.0.0.3, EclipseLink 4.0.9), in the wrappers they arrived in,
 * and what must stay an ordinary failure.
 */
class DatabaseUnavailableTest {

    /** The driver's own exceptions, as DatabaseOutageIT logged them. */
    @Test
    void whatMysqlConnectorJThrowsDuringACutCounts() throws Exception {
        // the request that meets the cut (08S01)
        assertTrue(DatabaseUnavailable.causedBy(
                new CommunicationsException("Communications link failure", new SocketException("Connection reset"))));
        // statements of a connection Liberty purged meanwhile: SQLState S1009, only the message tells
        assertTrue(DatabaseUnavailable.causedBy(
                SQLError.createSQLException("No operations allowed after statement closed.", "S1009", null)));
        assertTrue(DatabaseUnavailable.causedBy(
                new SQLNonTransientConnectionException("No operations allowed after connection closed.", "08003")));
        // Liberty's own wrappers: DSRA9110E on a closed handle, its re-thrown 08S01
        assertTrue(
                DatabaseUnavailable.causedBy(new SQLRecoverableException("DSRA9110E: Connection is closed.", "08003")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLRecoverableException("Communications link failure", "08S01")));
    }

    @Test
    void poolWaitsAndQueryTimeoutsCount() {
        // Liberty's ConnectionWaitTimeoutException extends SQLTransientConnectionException (its connectionTimeout)
        assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException(
                "J2CA0045E: Connection not available while invoking method createOrWaitForConnection")));
        // what the driver threw when a row lock outlasted FACTORY_DB_QUERY_TIMEOUT (SQLState null)
        assertTrue(DatabaseUnavailable.causedBy(new MySQLTimeoutException()));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTimeoutException("Statement cancelled due to timeout")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Query execution was interrupted", "70100")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Statement was canceled", "57014")));
    }

    /** H2 in server mode: "connection is broken" and "database is closed" carry their error code as SQLState. */
    @Test
    void h2sLostConnectionCounts() {
        assertTrue(DatabaseUnavailable.causedBy(DbException.getJdbcSQLException(90067, "tcp://127.0.0.1:9092")));
        assertTrue(DatabaseUnavailable.causedBy(DbException.getJdbcSQLException(90098)));
    }

    /** However deep the wrappers that JPA, EclipseLink, EJB and a failed commit put around it. */
    @Test
    void theCauseIsFoundThroughEveryWrapper() {
        SQLException cut = new CommunicationsException("Communications link failure", null);
        DatabaseException eclipseLink = DatabaseException.sqlException(cut);
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException("Exception [EclipseLink-4002]", eclipseLink)));
        // EclipseLink reports a lock query that met the cut as a pessimistic-lock failure
        assertTrue(DatabaseUnavailable.causedBy(
                new PessimisticLockException("Exception [EclipseLink-4002]", eclipseLink)));
        assertTrue(DatabaseUnavailable.causedBy(new EJBException(new PersistenceException(eclipseLink))));
        RollbackException commit = new RollbackException("rolled back at commit");
        commit.initCause(eclipseLink);
        assertTrue(DatabaseUnavailable.causedBy(new TransactionalException("commit failed", commit)));
    }

    @Test
    void ordinaryFailuresDoNotCount() {
        assertFalse(DatabaseUnavailable.causedBy(new PersistenceException(DatabaseException.sqlException(
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'uq'", "23000", 1062)))));
        assertFalse(
                DatabaseUnavailable.causedBy(new SQLSyntaxErrorException("You have an error in your SQL", "42000")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("No operations allowed after lunch")));
        assertFalse(DatabaseUnavailable.causedBy(new NullPointerException()));
        assertFalse(DatabaseUnavailable.causedBy(null));
    }

    @Test
    void theAnswerIs503WithRetryAfterAndTheLogNamesTheDatabasesError() {
        ApiException answer = DatabaseUnavailable.answer(new PersistenceException(DatabaseException.sqlException(
                SQLError.createSQLException("No operations allowed after statement closed.", "S1009", null))));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, answer.code());
        assertEquals(503, answer.code().status());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, answer.headers().get("Retry-After"));
        assertFalse(answer.getMessage().contains("Exception"), answer.getMessage());
        assertEquals(
                "java.sql.SQLException [S1009]: No operations allowed after statement closed.",
                DatabaseUnavailable.databaseError(new EJBException(
                        new PersistenceException(DatabaseException.sqlException(SQLError.createSQLException(
                                "No operations allowed after statement closed.", "S1009", null))))));
    }
}
