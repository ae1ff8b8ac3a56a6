package com.dealerops.devdb;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The only class that touches zonky's embedded PostgreSQL. It is on the class path in dev mode and tests only
 * (the dependency is 'provided'), so nothing else may reference it from production code paths.
 */
public final class EmbeddedPostgresLauncher {

    private static final String SUPERUSER = "postgres";

    private EmbeddedPostgresLauncher() {
    }

    /** A running server and how to reach it. */
    public record Server(EmbeddedPostgres postgres, String host, int port) {
        public String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /**
     * Starts a server keeping its data in {@code dataDirectory} across restarts (dev mode).
     */
    public static Server startPersistent(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanedServer(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
        return new Server(postgres, "127.0.0.1", postgres.getPort());
    }

    /**
     * Starts a throw-away server on a free port with a fresh data directory under {@code parent} (tests).
     */
    public static Server startEphemeral(Path parent) throws IOException {
        Files.createDirectories(parent);
        try (var stale = Files.list(parent)) {
            for (Path dir : stale.filter(Files::isDirectory).toList()) {
                stopOrphanedServer(dir);
            }
        }
        Path dataDirectory = Files.createTempDirectory(parent, "pg-");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setPort(0)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
        return new Server(postgres, "127.0.0.1", postgres.getPort());
    }

    /** Creates the login role and the database the application is configured with, if they are missing. */
    public static void ensureRoleAndDatabase(Server server, String user, String password, String database)
            throws SQLException {
        try (Connection connection = server.postgres().getPostgresDatabase().getConnection()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + quoteIdentifier(user) + " LOGIN PASSWORD "
                            + quoteLiteral(password));
                }
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + quoteIdentifier(database) + " OWNER "
                            + quoteIdentifier(user));
                }
            }
        }
    }

    public static String superuser() {
        return SUPERUSER;
    }

    /**
     * PostgreSQL detaches from the JVM: after a killed dev session it keeps running on the data directory and
     * the next start fails. zonky holds a file lock on 'epg-lock' while its JVM lives; if we can take that lock,
     * nobody owns the server any more and the PID in postmaster.pid is an orphan we may stop.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (Files.exists(lockFile)) {
            try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                    FileChannel channel = file.getChannel();
                    FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    return; // a live JVM owns it
                }
            } catch (java.nio.channels.OverlappingFileLockException ownedByThisJvm) {
                return;
            }
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
            try {
                process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        Files.deleteIfExists(pidFile);
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String quoteLiteral(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }
}
