package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores signing keys (public JWK in clear, private key encrypted). Each algorithm has at most one
 * {@link KeyState#NEXT} and at most one {@link KeyState#CURRENT} key, which the store itself
 * enforces (a unique constraint in a database), so that instances racing to make a key cannot
 * both succeed. Thread-safe; each method is atomic.
 */
public interface SigningKeyRepository {

    /** Every stored key, oldest first (by creation time, then id). */
    List<SigningKey> findAll();

    /** The key with {@code id}; empty when there is none. */
    Optional<SigningKey> findById(KeyId id);

    /**
     * Stores a new key, with its state and times as given.
     *
     * @throws IllegalStateException when a key with the same id exists, or when {@code key} is
     *                               {@code NEXT} or {@code CURRENT} and its algorithm already has
     *                               a key in that state; nothing is stored then
     */
    void add(SigningKey key);

    /**
     * Makes the {@code NEXT} key {@code next} the current key of its algorithm at {@code at}, and
     * retires the key that was current (if any) at the same instant, in one transaction.
     *
     * @return whether it happened; {@code false} (nothing changed) when {@code next} is not a
     *         stored {@code NEXT} key, e.g. because another instance promoted it first
     */
    boolean promote(KeyId next, Instant at);

    /**
     * Replaces the encrypted private keys of the keys named in {@code encrypted}, all in one
     * transaction (a master key rotation). Keys not named keep theirs; a named key that no longer
     * exists is skipped.
     *
     * @return how many keys were changed
     */
    int replaceEncryptedPrivateKeys(Map<KeyId, byte[]> encrypted);

    /** Removes the key; returns whether one was there. */
    boolean delete(KeyId id);
}
