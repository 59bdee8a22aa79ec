package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.util.List;
import java.util.Optional;

/**
 * Stores signing keys (public JWK in clear, private key encrypted). Thread-safe; each method is atomic.
 */
public interface SigningKeyRepository {

    /** Every stored key, oldest first. */
    List<SigningKey> findAll();

    /** The key with {@code id}; empty when there is none. */
    Optional<SigningKey> findById(KeyId id);

    /**
     * Stores a new key.
     *
     * @throws IllegalStateException when a key with the same id exists
     */
    void add(SigningKey key);

    /** Stores {@code key}'s state over the stored one's; returns whether a key with its id was there. */
    boolean update(SigningKey key);

    /** Removes the key; returns whether one was there. */
    boolean delete(KeyId id);
}
