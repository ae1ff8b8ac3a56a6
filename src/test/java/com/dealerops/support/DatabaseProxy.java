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

    /** Cuts every connection and refuses new ones until {@link #endOutage()}. */
    public static void beginOutage() {
        System.setProperty(OUTAGE_PROPERTY, "true");
    }

    public static void endOutage() {
        System.clearProperty(OUTAGE_PROPERTY);
    }

    private static boolean inOutage() {
        return Boolean.getBoolean(OUTAGE_PROPERTY);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (inOutage()) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
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
                open.forEach(this::closeQuietly);
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
}
