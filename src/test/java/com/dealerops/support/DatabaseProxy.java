package com.dealerops.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the application and PostgreSQL, so a test can take the database away and give it back
 * without stopping the server other tests use. The outage switch is a system property (JVM-wide, whatever
 * class loader the test and this resource were loaded by).
 */
public final class DatabaseProxy implements AutoCloseable {

    static final String OUTAGE_PROPERTY = "dealerops.test.database-outage";
    private static final String OUTAGE_APPLIED_PROPERTY = "dealerops.test.database-outage-applied";
    private static final String STATEMENTS_PROPERTY = "dealerops.test.statements-executed";

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public DatabaseProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        Thread watcher = new Thread(this::watch, "db-proxy-outage-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Cuts every connection and refuses new ones until {@link #endOutage()}. Returns once the open connections are
     * closed, so the caller's next request cannot slip through on one of them.
     */
    public static void beginOutage() {
        System.clearProperty(OUTAGE_APPLIED_PROPERTY);
        System.setProperty(OUTAGE_PROPERTY, "true");
        // the proxy's acceptor thread says so once it has cut the open connections; failing here beats a test that
        // goes on against a database that is still reachable
        org.awaitility.Awaitility.await("the proxy cutting its connections").atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(5)).until(() -> Boolean.getBoolean(OUTAGE_APPLIED_PROPERTY));
    }

    public static void endOutage() {
        System.clearProperty(OUTAGE_PROPERTY);
    }

    /**
     * How many SQL statements the application has sent to PostgreSQL so far (simple queries and extended-protocol
     * executions), for tests that count the statements of a request. Kept in the system properties, like the
     * outage switch, so the test and this resource share it whatever class loader each was loaded by.
     */
    public static long statementsExecuted() {
        return statementCounter().get();
    }

    private static java.util.concurrent.atomic.AtomicLong statementCounter() {
        return (java.util.concurrent.atomic.AtomicLong) System.getProperties().computeIfAbsent(STATEMENTS_PROPERTY,
                key -> new java.util.concurrent.atomic.AtomicLong());
    }

    private static boolean inOutage() {
        return Boolean.getBoolean(OUTAGE_PROPERTY);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = inOutage() ? null : new Socket(targetHost, targetPort);
                // checked again under the watcher's lock: a connection accepted as an outage begins is either
                // refused here or closed by the watcher's next pass, never left open once the outage is applied
                synchronized (open) {
                    if (upstream == null || inOutage()) {
                        closeQuietly(client);
                        if (upstream != null) {
                            closeQuietly(upstream);
                        }
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                }
                pump(client, upstream, new StatementCounter());
                pump(upstream, client, null);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, StatementCounter counter) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (counter != null) {
                        counter.read(buffer, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "db-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (!closed) {
            if (inOutage()) {
                synchronized (open) {
                    open.forEach(this::closeQuietly);
                }
                System.setProperty(OUTAGE_APPLIED_PROPERTY, "true");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.remove(socket);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        open.forEach(this::closeQuietly);
    }

    /**
     * Follows the frontend side of the PostgreSQL wire protocol: after the untyped startup (and SSL) messages,
     * each message is a type byte and a length. 'Q' (simple query) and 'E' (execute) are statements.
     */
    private static final class StatementCounter {
        private boolean started;
        private final byte[] header = new byte[5];
        private int headerRead;
        private long remaining;

        void read(byte[] bytes, int length) {
            int i = 0;
            while (i < length) {
                if (remaining > 0) {
                    int skip = (int) Math.min(remaining, length - i);
                    remaining -= skip;
                    i += skip;
                    continue;
                }
                header[headerRead++ % 5] = bytes[i++];
                if (!started && headerRead == 4) {
                    remaining = length(0) - 4; // untyped: length includes itself; the code is part of the body
                    headerRead = 0;
                    started = true; // the application connects without TLS, so no SSLRequest comes first
                    continue;
                }
                if (started && headerRead == 5) {
                    char type = (char) header[0];
                    remaining = length(1) - 4;
                    headerRead = 0;
                    if (type == 'Q' || type == 'E') {
                        statementCounter().incrementAndGet();
                    }
                }
            }
        }

        private long length(int offset) {
            return ((header[offset] & 0xFFL) << 24) | ((header[offset + 1] & 0xFFL) << 16)
                    | ((header[offset + 2] & 0xFFL) << 8) | (header[offset + 3] & 0xFFL);
        }
    }
}
