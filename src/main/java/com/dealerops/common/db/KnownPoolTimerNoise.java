package com.dealerops.common.db;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Drops one known false alarm: when the database is unreachable, the SQL client's pool fails the request at once
 * and then, when the acquisition timeout fires, fails the same promise again and Vert.x logs an "uncaught"
 * IllegalStateException (eclipse-vertx/vertx-sql-client#1706, open). The request already got its 503; during the
 * outage test this was thousands of ERROR lines that hid the real ones.
 */
@LoggingFilter(name = "vertx-sql-client-1706")
public final class KnownPoolTimerNoise implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (!(thrown instanceof IllegalStateException) || !"Result is already complete".equals(thrown.getMessage())) {
            return true;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().equals("io.vertx.sqlclient.impl.pool.SqlConnectionPool")) {
                return false;
            }
        }
        return true;
    }
}
