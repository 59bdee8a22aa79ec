package dev.portcullis.oauth.adapters.rest.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a request body up to a limit, and when it is over the limit reads and discards the rest (up
 * to {@link #DISCARD_LIMIT}) before the refusal is written.
 *
 * <p>Why discard: a server that answers 413 and closes the connection with request bytes still
 * unread makes the kernel send a TCP reset, and a reset drops the answer the client has not read
 * yet — the client sees "connection reset" or a broken chunked body instead of the 413. Reading what
 * is left (as Tomcat does with {@code maxSwallowSize}, 2 MiB by default) lets the client read the
 * refusal and keeps the connection usable. A body declared larger than the discard limit is refused
 * without reading: the server does not spend its bandwidth on it, and the client may then see the
 * reset. Each blocking read is bounded by the connector's idle timeout. Stateless, thread-safe.
 */
public final class RequestBodies {

    /** The most bytes of a refused body read and thrown away: 1 MiB. */
    public static final long DISCARD_LIMIT = 1024 * 1024;

    private static final int CHUNK = 8 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads {@code body} whole when it is at most {@code maxBytes} long.
     *
     * @param body           the request body
     * @param declaredLength the {@code Content-Length}, or -1 when absent (chunked)
     * @param maxBytes       the largest body accepted
     * @return the body; empty when it is larger than {@code maxBytes} (what was left of it has then
     *         been discarded, up to {@link #DISCARD_LIMIT})
     * @throws IOException when reading the accepted part fails
     */
    public static Optional<byte[]> read(InputStream body, long declaredLength, int maxBytes) throws IOException {
        Objects.requireNonNull(body, "body");
        if (declaredLength > maxBytes) {
            if (declaredLength <= DISCARD_LIMIT) {
                discard(body, DISCARD_LIMIT);
            }
            return Optional.empty();
        }
        byte[] bytes = declaredLength >= 0 ? declared(body, (int) declaredLength, maxBytes)
                : body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            discard(body, DISCARD_LIMIT - bytes.length);
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /**
     * A body of declared length {@code length} (at most {@code maxBytes}) into an array of exactly
     * that size, so the common case allocates the body once instead of a read buffer and a copy.
     * A body shorter than declared is what arrived; one longer than declared (an HTTP/1.1 server
     * does not hand such a body on) is read on up to {@code maxBytes + 1} bytes like a streamed one.
     */
    private static byte[] declared(InputStream body, int length, int maxBytes) throws IOException {
        byte[] bytes = new byte[length];
        int read = body.readNBytes(bytes, 0, length);
        if (read < length) {
            return Arrays.copyOf(bytes, read);
        }
        int next = body.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = body.readNBytes(maxBytes - length);
        byte[] all = Arrays.copyOf(bytes, length + 1 + rest.length);
        all[length] = (byte) next;
        System.arraycopy(rest, 0, all, length + 1, rest.length);
        return all;
    }

    /** Reads and drops up to {@code limit} bytes; a failure only means the client is gone. */
    private static void discard(InputStream body, long limit) {
        byte[] sink = new byte[CHUNK];
        long left = limit;
        try {
            while (left > 0) {
                int read = body.read(sink, 0, (int) Math.min(sink.length, left));
                if (read < 0) {
                    return;
                }
                left -= read;
            }
        } catch (IOException clientGone) {
            // Nothing to do: the refusal is written (or not) either way.
        }
    }
}
