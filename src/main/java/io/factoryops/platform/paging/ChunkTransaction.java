package io.factoryops.platform.paging;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The transaction of one keyset chunk ({@link KeysetChunks}): begun before its query, committed as soon as
 * its rows are read, so that its connection is back in the pool before the rows go to a client that may
 * read slowly. Inside a caller's transaction the chunks are read in that one (nothing begun or ended here).
 */
final class ChunkTransaction {

    private static final Logger LOG = Logger.getLogger(ChunkTransaction.class.getName());

    private final UserTransaction transaction;
    private final int timeoutSeconds;

    private ChunkTransaction(UserTransaction transaction, int timeoutSeconds) {
        this.transaction = transaction;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The chunks' transactions: null when the caller already runs in one (then each chunk joins it). */
    static ChunkTransaction begun(int timeoutSeconds) {
        try {
            UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
            return new ChunkTransaction(
                    transaction.getStatus() == Status.STATUS_NO_TRANSACTION ? transaction : null, timeoutSeconds);
        } catch (NamingException | SystemException e) {
            throw new IllegalStateException("no UserTransaction for an export's chunks", e);
        }
    }

    /** Runs {@code read} in a transaction of its own (or the caller's) and returns what it read. */
    <T> T run(Supplier<T> read) {
        if (transaction == null) {
            return read.get();
        }
        try {
            transaction.setTransactionTimeout(timeoutSeconds);
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot begin an export chunk's transaction", e);
        }
        T result;
        try {
            result = read.get();
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
        try {
            transaction.commit(); // read only: ends it and gives the connection back
        } catch (Exception e) {
            rollback();
            throw new IllegalStateException("cannot end an export chunk's transaction", e);
        }
        return result;
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot roll an export chunk's transaction back", e);
        }
    }
}
