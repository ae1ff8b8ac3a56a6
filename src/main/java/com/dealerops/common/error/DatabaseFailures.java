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

    /** The PostgreSQL error in the chain, if there is one. */
    public static Optional<PgException> postgresError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return Optional.of(pg);
            }
        }
        return Optional.empty();
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return uniqueViolation(failure).isPresent();
    }

    /** The name of the violated unique constraint, when the failure is a unique violation (23505). */
    public static Optional<String> uniqueViolation(Throwable failure) {
        return postgresError(failure).filter(pg -> "23505".equals(pg.getSqlState()))
                .map(pg -> pg.getConstraint() == null ? "" : pg.getConstraint());
    }
}
