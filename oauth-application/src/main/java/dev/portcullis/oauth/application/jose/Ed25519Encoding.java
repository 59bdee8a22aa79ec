package dev.portcullis.oauth.application.jose;

import com.nimbusds.jose.JOSEException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys of an {@code OKP} JWK (RFC 8037 §2) as JCA key objects, through their RFC 8410
 * encodings, which every provider reads. Stateless.
 */
final class Ed25519Encoding {

    /** The JCA name of the signature and key algorithm (Java 15+, JEP 339). */
    static final String ALGORITHM = "Ed25519";

    /** RFC 8032 §5.1.5: seeds and public keys are 32 bytes. */
    static final int KEY_BYTES = 32;

    /** RFC 8032 §5.1.6: a signature is 64 bytes. */
    static final int SIGNATURE_BYTES = 64;

    /** RFC 8410 §7: the fixed DER prefix of an Ed25519 PKCS#8 private key (v1) before its 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    /** RFC 8410 §4: the fixed DER prefix of an Ed25519 SubjectPublicKeyInfo before its 32-byte key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Encoding() {
    }

    /**
     * The private key whose seed is {@code d}.
     *
     * @throws JOSEException when {@code d} is not 32 bytes or no provider reads Ed25519 keys
     */
    static PrivateKey privateKey(byte[] d) throws JOSEException {
        byte[] encoded = encode(PKCS8_PREFIX, d);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("the Ed25519 private key cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * The public key whose encoding is {@code x}.
     *
     * @throws JOSEException when {@code x} is not 32 bytes or not a point encoding the provider accepts
     */
    static PublicKey publicKey(byte[] x) throws JOSEException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encode(SPKI_PREFIX, x)));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("the Ed25519 public key cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] encode(byte[] prefix, byte[] key) throws JOSEException {
        if (key.length != KEY_BYTES) {
            throw new JOSEException("an Ed25519 key is " + KEY_BYTES + " bytes (RFC 8032 §5.1.5)");
        }
        byte[] encoded = Arrays.copyOf(prefix, prefix.length + KEY_BYTES);
        System.arraycopy(key, 0, encoded, prefix.length, KEY_BYTES);
        return encoded;
    }
}
