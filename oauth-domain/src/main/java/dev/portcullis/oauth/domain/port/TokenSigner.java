package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import java.util.Map;

/**
 * Signs JWTs with the server's current key for an algorithm. Thread-safe.
 */
public interface TokenSigner {

    /**
     * Signs {@code claims} as a compact JWS (RFC 7515 §7.1) with the current key for {@code algorithm}.
     *
     * @param algorithm the JWS algorithm; it must be enabled on the server
     * @param type      the {@code typ} header, e.g. {@code at+jwt} (RFC 9068 §2.1)
     * @param claims    JSON-compatible claim values: String, Number, Boolean, List, Map
     * @return the serialized JWT
     * @throws IllegalStateException when no current key exists for {@code algorithm}
     */
    String sign(SigningAlgorithm algorithm, String type, Map<String, Object> claims);
}
