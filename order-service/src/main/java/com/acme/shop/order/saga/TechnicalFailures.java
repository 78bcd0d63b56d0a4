package com.acme.shop.order.saga;

import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a technical failure (the database or the network had a bad moment; the same work can succeed when
 * tried again) from everything else (a bug or a message we cannot apply, which no retry heals). Decided by
 * exception type only, looking through the whole cause chain:
 *
 * <ul>
 *   <li>Spring's {@link TransientDataAccessException} family: {@code QueryTimeoutException},
 *       {@code CannotAcquireLockException}, deadlock loser, optimistic locking failure, ...;</li>
 *   <li>{@link RecoverableDataAccessException}, {@link DataAccessResourceFailureException} (which includes
 *       {@code CannotGetJdbcConnectionException}) and {@link CannotCreateTransactionException}: no connection;</li>
 *   <li>the JDBC driver's own {@link SQLTransientException} / {@link SQLRecoverableException} and Hibernate's
 *       {@link JDBCConnectionException}, should one escape untranslated.</li>
 * </ul>
 *
 * Business outcomes (out of stock, product not sellable) are not exceptions at all: they fail the order at once.
 */
final class TechnicalFailures {

    private TechnicalFailures() {
    }

    static boolean isTechnical(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** A short, log-safe description for the order's failure detail: the innermost exception's type and message. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
