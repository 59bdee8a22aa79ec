package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.SealedSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals client secrets for {@code client_secret_jwt} with AES-256-GCM, under a key derived from
 * the {@link MasterKey} for this purpose only (HMAC-SHA256 of a fixed label), so that a sealed
 * private key and a sealed secret can never be swapped. The client id is the additional
 * authenticated data: a ciphertext moved to another client's row fails to open. Layout as
 * {@link PrivateKeyCipher}: version byte {@code 1}, 12-byte nonce, ciphertext with 16-byte tag,
 * all in base64url. During a master key rotation it also opens what the previous master key
 * sealed ({@link #openingAlsoWith}), and always seals with the current one. Thread-safe.
 */
public final class ClientSecretCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] LABEL = "portcullis client_secret_jwt secret v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previous;
    private final SecureRandom random;

    public ClientSecretCipher(MasterKey masterKey, SecureRandom random) {
        this(new SecretKeySpec(derive(Objects.requireNonNull(masterKey, "masterKey").bytes()), "AES"), Optional.empty(),
                random);
    }

    private ClientSecretCipher(SecretKeySpec key, Optional<SecretKeySpec> previous, SecureRandom random) {
        this.key = key;
        this.previous = previous;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** This cipher, opening also what {@code previousMasterKey} sealed (during a master key rotation). */
    public ClientSecretCipher openingAlsoWith(MasterKey previousMasterKey) {
        Objects.requireNonNull(previousMasterKey, "previousMasterKey");
        return new ClientSecretCipher(key, Optional.of(new SecretKeySpec(derive(previousMasterKey.bytes()), "AES")),
                random);
    }

    /**
     * {@code sealed} as the current master key seals it: unchanged when it already is, else opened
     * with the previous master key and sealed again.
     *
     * @throws IllegalStateException when neither master key opens it
     */
    public SealedSecret resealed(ClientId client, SealedSecret sealed) {
        if (opened(client, sealed, key).isPresent()) {
            return sealed;
        }
        return seal(client, open(client, sealed));
    }

    /** Seals {@code secret} for {@code client}. */
    public SealedSecret seal(ClientId client, ClientSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(client.value().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
            return new SealedSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(all));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /**
     * Opens what {@link #seal} made for {@code client}.
     *
     * @throws IllegalStateException when it was not sealed under this master key for this client, or was altered
     */
    public ClientSecret open(ClientId client, SealedSecret sealed) {
        Optional<ClientSecret> current = opened(client, sealed, key);
        if (current.isPresent()) {
            return current.get();
        }
        return previous.flatMap(old -> opened(client, sealed, old)).orElseThrow(() -> new IllegalStateException(
                "sealed secret of client " + client + " cannot be opened: wrong master key, or the stored value was altered"));
    }

    private static Optional<ClientSecret> opened(ClientId client, SealedSecret sealed, SecretKeySpec key) {
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(sealed.encoded());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sealed secret of client " + client + " is not base64url", e);
        }
        if (data.length < 1 + NONCE_BYTES + TAG_BITS / 8 || data[0] != VERSION) {
            throw new IllegalStateException("sealed secret of client " + client + " is not in a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 1, NONCE_BYTES));
            cipher.updateAAD(client.value().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, 1 + NONCE_BYTES, data.length - 1 - NONCE_BYTES);
            return Optional.of(new ClientSecret(new String(plain, StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(byte[] master) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
