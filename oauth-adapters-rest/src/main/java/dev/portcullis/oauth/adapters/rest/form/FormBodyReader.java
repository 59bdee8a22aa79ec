package dev.portcullis.oauth.adapters.rest.form;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * Reads a form request body before any use case runs (STYLE.md §7): the content type must be
 * {@code application/x-www-form-urlencoded} (with {@code charset}, if any, UTF-8), the body is read
 * as raw bytes up to a hard limit ({@link RequestBodies}), then {@link FormParser} parses it. Thread-safe.
 */
public final class FormBodyReader {

    /** The default limit: 64 KiB is far above any legitimate token request. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";

    private final int maxBytes;

    /** @param maxBytes the largest body accepted, in bytes */
    public FormBodyReader(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Reads the form body of a JAX-RS request: {@link #read(String, long, InputStream)} with the
     * request's {@code Content-Type} and {@code Content-Length}.
     *
     * @throws OAuthException       as {@link #read(String, long, InputStream)}
     * @throws ClientErrorException as {@link #read(String, long, InputStream)}
     */
    public Map<String, String> read(HttpHeaders headers, InputStream body) {
        String contentType = Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)).orElse("");
        return read(contentType, headers.getLength(), body);
    }

    /**
     * Checks the content type, reads and parses the body.
     *
     * @param contentType   the {@code Content-Type} header; the empty string when absent
     * @param contentLength the declared {@code Content-Length}, or -1 when absent (chunked)
     * @param body          the request body stream
     * @return the parameters, as {@link FormParser#parse} returns them
     * @throws OAuthException        {@code invalid_request} for a wrong content type or charset, an
     *                               unreadable or malformed body, or a repeated parameter
     * @throws ClientErrorException  413 when the body is larger than the limit
     */
    public Map<String, String> read(String contentType, long contentLength, InputStream body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        requireForm(contentType);
        byte[] bytes;
        try {
            bytes = RequestBodies.read(body, contentLength, maxBytes).orElseThrow(FormBodyReader::tooLarge);
        } catch (IOException e) {
            // The client went away or sent a broken chunk: its mistake, not a server fault.
            throw new OAuthException(new OAuthError(StandardErrorCode.INVALID_REQUEST,
                    "The request body could not be read."), "reading the body failed: " + e.getClass().getName());
        }
        return FormParser.parse(bytes, bytes.length);
    }

    private static void requireForm(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        if (!FORM.equalsIgnoreCase(type)) {
            // RFC 6749 §3.2: the client uses "application/x-www-form-urlencoded"; anything else is
            // refused as invalid_request rather than with Jersey's 415, so the body stays OAuth JSON.
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST,
                    "The request content type must be application/x-www-form-urlencoded.");
        }
        if (semicolon >= 0) {
            for (String parameter : contentType.substring(semicolon + 1).split(";", -1)) {
                requireUtf8IfCharset(parameter);
            }
        }
    }

    private static void requireUtf8IfCharset(String parameter) {
        int equals = parameter.indexOf('=');
        if (equals < 0) {
            return;
        }
        String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        String value = parameter.substring(equals + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        // RFC 6749 Appendix B: names and values are encoded as UTF-8 before percent-encoding.
        if (name.equals("charset") && !value.equalsIgnoreCase("UTF-8")) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The request body must be encoded in UTF-8.");
        }
    }

    private static ClientErrorException tooLarge() {
        return new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
