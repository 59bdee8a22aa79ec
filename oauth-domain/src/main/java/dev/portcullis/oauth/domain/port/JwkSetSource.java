package dev.portcullis.oauth.domain.port;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Reads a client's JWK Set from its {@code jwks_uri} (RFC 7591 §2, RFC 7517 §5), for
 * {@code private_key_jwt}. Implementations bound the time and size of a fetch and isolate one
 * client's failing URI from the others. Caching is the caller's business. Thread-safe.
 */
public interface JwkSetSource {

    /**
     * Fetches the document at {@code jwksUri}.
     *
     * @return the document's JSON text, not yet parsed
     * @throws UncheckedIOException when it cannot be had: unreachable, too slow, too large, a status
     *                              other than 200, or a circuit opened by earlier failures
     */
    String fetch(URI jwksUri);

    /** A source that fetches nothing: every {@code jwks_uri} is unreachable. */
    static JwkSetSource none() {
        return uri -> {
            throw new UncheckedIOException(new IOException("no JWK Set source configured"));
        };
    }
}
