package com.dealerops.common.error;

import java.util.Optional;

import io.vertx.pgclient.PgException;

/** Reads what went wrong in the database from an exception chain, however Hibernate or Vert.x wrapped it. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The server cannot be reached or is shutting down: the client should retry later (503). */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketException
                    || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                // 08: connection exception, 57P0x: server shutting down / starting, 53300: too many connections
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
            String message = t.getMessage();
            if (t instanceof io.vertx.core.impl.NoStackTraceThrowable && "Timeout".equals(message)) {
                return true; // no pooled connection came free in time
            }
            if (message != null && (message.contains("Connection refused") || message.contains("Connection reset")
                    || message.contains("Connection is not active") || message.contains("Pool closed")
                    || message.contains("Timeout waiting for connection"))) {
                return true;
            }
        }
        return false;
    }

    /** What PostgreSQL said: its SQLSTATE and, when it names one, the constraint. */
    public record SqlError(String sqlState, String constraint) {
    }

    /**
     * The database error in the chain. The Vert.x {@link PgException} carries everything, but Hibernate Reactive
     * does not always keep it: a native statement's failure arrives as Hibernate's ConstraintViolationException
     * around a plain {@link java.sql.SQLException}, with the constraint name parsed from the message.
     */
    public static Optional<SqlError> sqlError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return Optional.of(new SqlError(pg.getSqlState(), pg.getConstraint()));
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getSQLState() != null) {
                String name = violation.getConstraintName() != null ? violation.getConstraintName()
                        : constraintIn(violation.getMessage());
                return Optional.of(new SqlError(violation.getSQLState(), name));
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return Optional.of(new SqlError(sql.getSQLState(), constraintIn(sql.getMessage())));
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern CONSTRAINT_IN_MESSAGE = java.util.regex.Pattern.compile(
            "violates (?:[a-z ]+ )?constraint \"([^\"]+)\"");

    /** PostgreSQL names the constraint in its message ("violates exclusion constraint \"x\""). */
    private static String constraintIn(String message) {
        if (message == null) {
            return null;
        }
        var matcher = CONSTRAINT_IN_MESSAGE.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return uniqueViolation(failure).isPresent();
    }

    /** The name of the violated unique constraint, when the failure is a unique violation (23505). */
    public static Optional<String> uniqueViolation(Throwable failure) {
        return sqlError(failure).filter(error -> "23505".equals(error.sqlState()))
                .map(error -> error.constraint() == null ? "" : error.constraint());
    }
}
