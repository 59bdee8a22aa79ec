package dev.portcullis.oauth.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP proxy for fault tests: forwards each accepted connection to a target, and can
 * cut every connection and refuse new ones until it is restored, as a database outage does, or
 * cut the one connection that is about to send given bytes (part of an SQL statement), as a
 * network failure in the middle of a transaction does. Plain sockets, bounded: at most
 * {@code maxConnections} connections at once (more are closed at accept), two pump threads each.
 * Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicReference<byte[]> trigger = new AtomicReference<>();
    private final AtomicInteger triggeredCuts = new AtomicInteger();
    private volatile boolean cut;

    private TcpProxy(ServerSocket listener, InetSocketAddress target, int maxConnections) {
        this.listener = listener;
        this.target = target;
        this.slots = new Semaphore(maxConnections);
    }

    /** Starts a proxy on a free loopback port to {@code host}:{@code port}. */
    public static TcpProxy start(String host, int port, int maxConnections) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(listener, new InetSocketAddress(host, port), maxConnections);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port to connect to instead of the target's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted and forwarded so far. */
    public int forwardedConnections() {
        return accepted.get();
    }

    /** Closes every open connection, and closes new ones as soon as they are accepted. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
    }

    /**
     * Closes, once, the connection whose client next sends {@code fragment} (in UTF-8, e.g. a piece
     * of an SQL statement, which a PostgreSQL client sends as text in each Parse message unless it
     * prepares statements on the server), before the target receives any of the bytes read with
     * it. Other connections carry on.
     */
    public void cutAtNext(String fragment) {
        trigger.set(fragment.getBytes(StandardCharsets.UTF_8));
    }

    /** How many connections {@link #cutAtNext} has cut so far. */
    public int triggeredCuts() {
        return triggeredCuts.get();
    }

    /** Forwards new connections again. */
    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut = true;
        closeQuietly(listener);
        open.forEach(TcpProxy::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut || !slots.tryAcquire()) {
                closeQuietly(client);
                continue;
            }
            threads.execute(() -> forward(client));
        }
    }

    private void forward(Socket client) {
        try (Socket server = new Socket()) {
            open.add(client);
            open.add(server);
            server.connect(target, 5_000);
            if (cut) {
                return;
            }
            accepted.incrementAndGet();
            threads.execute(() -> pump(server, client, false));
            pump(client, server, true);
        } catch (IOException e) {
            // The target refused or a side closed: the connection ends, as a real outage ends it.
        } finally {
            closeQuietly(client);
            open.remove(client);
            open.removeIf(Socket::isClosed);
            slots.release();
        }
    }

    /** Copies {@code from} to {@code to}; when {@code watched}, cuts both at the armed trigger's bytes. */
    private void pump(Socket from, Socket to, boolean watched) {
        byte[] buffer = new byte[16 * 1024];
        byte[] recent = new byte[0];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (watched) {
                    byte[] seen = concat(recent, buffer, read);
                    byte[] fragment = trigger.get();
                    // Only a match that ends in the bytes just read: the tail was forwarded already.
                    if (fragment != null && indexOf(seen, fragment, Math.max(0, recent.length - fragment.length + 1)) >= 0
                            && trigger.compareAndSet(fragment, null)) {
                        triggeredCuts.incrementAndGet();
                        return;
                    }
                    // Keep a tail, so that a fragment split across two reads is still found.
                    recent = Arrays.copyOfRange(seen, Math.max(0, seen.length - 256), seen.length);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed or was cut.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static byte[] concat(byte[] head, byte[] buffer, int length) {
        byte[] all = Arrays.copyOf(head, head.length + length);
        System.arraycopy(buffer, 0, all, head.length, length);
        return all;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing a cut connection may fail; it is closed either way.
        }
    }
}
