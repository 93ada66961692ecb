package io.tokenledger.ingest.eventhubs;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that goes away when PostgreSQL is reachable again (no connection, a connection broken under a
 * transaction, server shutting down or restarting, too many connections, a serialization failure or deadlock) from
 * one that would fail again on the same batch.
 */
final class DatabaseOutage {

    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    private DatabaseOutage() {}

    static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientException
                    || cause instanceof ConnectException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    // commit or rollback failed: the connection broke under the transaction. Whether a commit
                    // landed is unknown, which does not matter: writing the batch again changes nothing.
                    || cause instanceof TransactionSystemException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
