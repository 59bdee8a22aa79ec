package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;

/**
 * Hashes client secrets for storage and checks presented secrets against stored hashes with a
 * slow, salted hash. Thread-safe.
 */
public interface SecretHasher {

    /** A fresh salted hash of {@code secret}. */
    HashedSecret hash(ClientSecret secret);

    /**
     * Whether {@code presented} is the secret {@code stored} was made from. Compares in constant
     * time; returns false (never throws) for a hash it cannot read.
     */
    boolean matches(ClientSecret presented, HashedSecret stored);
}
