package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.key.KeyId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys at rest with AES-256-GCM under the {@link MasterKey}. The key id is the
 * additional authenticated data, so a ciphertext moved to another key's row fails to decrypt.
 * Layout: version byte {@code 1}, 12-byte nonce, ciphertext with 16-byte tag. During a master key
 * rotation it also decrypts with the previous master key ({@link #decryptingAlsoWith}), and always
 * encrypts with the current one. Thread-safe.
 */
public final class PrivateKeyCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previous;
    private final SecureRandom random;

    public PrivateKeyCipher(MasterKey masterKey, SecureRandom random) {
        this(new SecretKeySpec(Objects.requireNonNull(masterKey, "masterKey").bytes(), "AES"), Optional.empty(), random);
    }

    private PrivateKeyCipher(SecretKeySpec key, Optional<SecretKeySpec> previous, SecureRandom random) {
        this.key = key;
        this.previous = previous;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A cipher that encrypts with this one's master key and decrypts with it or with
     * {@code previousMasterKey}, so that keys stored before a master key rotation stay readable
     * until they are re-encrypted.
     */
    public PrivateKeyCipher decryptingAlsoWith(MasterKey previousMasterKey) {
        Objects.requireNonNull(previousMasterKey, "previousMasterKey");
        return new PrivateKeyCipher(key, Optional.of(new SecretKeySpec(previousMasterKey.bytes(), "AES")), random);
    }

    /** Whether {@code encrypted} was made for {@code kid} under the current master key. */
    public boolean isUnderCurrentKey(KeyId kid, byte[] encrypted) {
        return open(key, kid, encrypted).isPresent();
    }

    /** Encrypts {@code plaintext} (a private JWK) for key {@code kid}. */
    public byte[] encrypt(KeyId kid, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.value().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /**
     * Decrypts what {@link #encrypt} made for {@code kid}.
     *
     * @throws IllegalStateException when the data was not made under this master key for this
     *                               key id, or was altered: the server must not start with it
     */
    public String decrypt(KeyId kid, byte[] encrypted) {
        if (encrypted.length < 1 + NONCE_BYTES + TAG_BITS / 8 || encrypted[0] != VERSION) {
            throw new IllegalStateException("private key of " + kid + " is not in a known encrypted format");
        }
        return open(key, kid, encrypted)
                .or(() -> previous.flatMap(old -> open(old, kid, encrypted)))
                .orElseThrow(() -> new IllegalStateException("private key of " + kid
                        + " cannot be decrypted: wrong master key, or the stored key was altered"));
    }

    private static Optional<String> open(SecretKeySpec masterKey, KeyId kid, byte[] encrypted) {
        if (encrypted.length < 1 + NONCE_BYTES + TAG_BITS / 8 || encrypted[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, encrypted, 1, NONCE_BYTES));
            cipher.updateAAD(kid.value().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(encrypted, 1 + NONCE_BYTES, encrypted.length - 1 - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }
}
