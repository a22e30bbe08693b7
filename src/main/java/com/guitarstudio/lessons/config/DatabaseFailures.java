package com.guitarstudio.lessons.config;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * One rule for "the database itself is down or unreachable", as opposed to a problem with some data.
 * Looks through the causes: a connection that drops mid-transaction surfaces as the rollback's
 * failure ("Unable to rollback against JDBC Connection"), whose cause is the connection error
 * (SQLSTATE class 08, or 57P01–57P03 when the server shuts down or terminates the session), or
 * HikariCP's own "Connection is closed", which carries no SQLSTATE.
 */
public final class DatabaseFailures {

    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException
                    || (cause instanceof SQLException sql
                            && (isConnectionState(sql.getSQLState())
                                    || HIKARI_CLOSED.equals(sql.getMessage()) && sql.getSQLState() == null))) {
                return true;
            }
        }
        return false;
    }

    /** The database's own words, first line only (no SQL, no parameters). */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
