package dev.portcullis.oauth.application.client;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The signature verifier of each registered client key, built once ({@link AssertionKeys#verifier})
 * and kept, so that an assertion costs a signature check and no key parsing. Keys compare by value:
 * a key fetched again from a {@code jwks_uri} finds its verifier. Bounded (the cache empties when
 * full, as {@link ClientJwkSets} does); thread-safe, as the verifiers are.
 */
final class AssertionVerifiers {

    private final ConcurrentMap<JWK, Optional<JWSVerifier>> byKey = new ConcurrentHashMap<>();
    private final int maxEntries;

    /** @param maxEntries how many keys are kept at most */
    AssertionVerifiers(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The verifier of {@code key}; empty when the key cannot verify (see {@link AssertionKeys#verifier}). */
    Optional<JWSVerifier> of(JWK key) {
        Optional<JWSVerifier> cached = byKey.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<JWSVerifier> made = AssertionKeys.verifier(key);
        if (byKey.size() >= maxEntries) {
            byKey.clear();
        }
        byKey.put(key, made);
        return made;
    }
}
