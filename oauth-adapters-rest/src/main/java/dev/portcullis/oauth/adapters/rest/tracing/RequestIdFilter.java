package dev.portcullis.oauth.adapters.rest.tracing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every request an id, so that its log lines can be found together and matched to what the
 * client saw: an incoming {@code X-Request-Id} is kept when it is short and made of safe characters
 * (a load balancer's id), otherwise one is generated. The id is put in the SLF4J MDC under
 * {@code request_id} for the duration of the request and returned in the {@code X-Request-Id}
 * response header. Pre-matching, so that a 404 has an id too. Thread-safe.
 */
@PreMatching
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";

    /** The MDC key. */
    public static final String MDC_KEY = "request_id";

    private static final int MAX_LENGTH = 64;
    private static final String PROPERTY = RequestIdFilter.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        String incoming = request.getHeaderString(HEADER);
        String id = isSafe(incoming) ? incoming : generate();
        request.setProperty(PROPERTY, id);
        // Overwrites whatever a previous request on this pooled thread may have left behind.
        MDC.put(MDC_KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            Object id = request.getProperty(PROPERTY);
            if (id != null) {
                response.getHeaders().putSingle(HEADER, id);
            }
        } finally {
            // Response filters run after the resource and the exception mappers, so every log line of
            // the request has had its id; the entity is written after this point and logs nothing.
            MDC.remove(MDC_KEY);
        }
    }

    /** Letters, digits, {@code - _ .}, 1 to 64 characters: nothing that can forge a log line or a header. */
    static boolean isSafe(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    private static String generate() {
        // Correlation only, not a secret: a fast non-cryptographic 128-bit random value is enough.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // HexFormat, not String.format: a format string is parsed on every call (about 1% of a token request).
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }
}
