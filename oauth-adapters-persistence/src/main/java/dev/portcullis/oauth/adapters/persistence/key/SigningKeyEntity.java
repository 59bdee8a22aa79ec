package dev.portcullis.oauth.adapters.persistence.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code signing_key}. Public only so that the persistence unit can register it;
 * {@link SigningKeyEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "signing_key")
public final class SigningKeyEntity {

    @Id
    @Column(name = "kid", length = 128)
    String kid;

    @Column(name = "alg", nullable = false, length = 16)
    String algorithm;

    @Column(name = "state", nullable = false, length = 16)
    String state;

    @Column(name = "public_jwk", nullable = false, length = 1_048_576)
    String publicJwk;

    @Column(name = "encrypted_private_key", nullable = false, length = 65_536)
    byte[] encryptedPrivateKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "activated_at")
    Instant activatedAt;

    @Column(name = "retired_at")
    Instant retiredAt;

    /** {@code STATE:alg} for a next or current key, null for a retired one; unique, so one of each per algorithm. */
    @Column(name = "slot", length = 32, unique = true)
    String slot;

    /** For Hibernate. */
    SigningKeyEntity() {
    }

    SigningKeyEntity(String kid) {
        this.kid = kid;
    }
}
