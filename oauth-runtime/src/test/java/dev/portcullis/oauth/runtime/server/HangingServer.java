package dev.portcullis.oauth.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving HTTP service on loopback for fault tests: it either accepts connections and never
 * answers (a hung service) or answers every request with 500. Bounded: one accept thread and one
 * thread per open connection, at most {@code maxConnections}; more are closed at accept. Thread-safe.
 */
public final class HangingServer implements AutoCloseable {

    /** What the service does with a request. */
    public enum Behaviour { HANG, FAIL }

    private final ServerSocket listener;
    private final int maxConnections;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hanging-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private volatile Behaviour behaviour;

    private HangingServer(ServerSocket listener, int maxConnections, Behaviour behaviour) {
        this.listener = listener;
        this.maxConnections = maxConnections;
        this.behaviour = behaviour;
    }

    /** Starts on a free loopback port. */
    public static HangingServer start(Behaviour behaviour, int maxConnections) {
        try {
            HangingServer server = new HangingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                    maxConnections, behaviour);
            server.threads.execute(server::acceptLoop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bound port. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Changes what later requests get. */
    public void behave(Behaviour value) {
        this.behaviour = value;
    }

    /** Waits until the first connection arrived, at most {@code seconds}; whether it did. */
    public boolean awaitFirstConnection(long seconds) throws InterruptedException {
        return firstRequest.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing is best effort in a test.
        }
        open.forEach(HangingServer::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                if (open.size() >= maxConnections) {
                    closeQuietly(socket);
                    continue;
                }
                open.add(socket);
                firstRequest.countDown();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            readHead(in);
            if (behaviour == Behaviour.FAIL) {
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            // HANG: keep the connection open, say nothing, until the client gives up or the test ends.
            while (in.read() >= 0) {
                continue;
            }
        } catch (IOException e) {
            // The client gave up (its timeout) or the server closed.
        } finally {
            open.remove(socket);
        }
    }

    /** Reads up to the blank line ending the request head. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
