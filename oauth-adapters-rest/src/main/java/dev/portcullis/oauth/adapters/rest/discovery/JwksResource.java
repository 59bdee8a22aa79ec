package dev.portcullis.oauth.adapters.rest.discovery;

import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.application.discovery.PublishKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Objects;

/**
 * The JWK set, {@code GET /jwks} (RFC 7517 §5): public keys only. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
@Path("jwks")
public final class JwksResource {

    /**
     * How long verifiers may cache the key set ({@code Cache-Control: max-age}). Caching is safe
     * because rotation publishes the next key in this set at least the publication lead time before
     * it signs (a lead the runtime checks is longer than this), and keeps a retired key until its
     * tokens expire, so a cached copy never misses a kid that is in use.
     */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE.toSeconds();

    private final PublishKeys publishKeys;

    /** @param publishKeys the use case that lists the published keys */
    public JwksResource(PublishKeys publishKeys) {
        this.publishKeys = Objects.requireNonNull(publishKeys, "publishKeys");
    }

    /** The current JWK set. */
    @GET
    public Response jwks() {
        return Response.ok(JsonBody.of(publishKeys.jwks()), JsonBody.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
