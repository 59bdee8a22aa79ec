package dev.portcullis.oauth.domain.key;

import java.util.Arrays;
import java.util.Optional;

/**
 * JWS algorithms the server can sign with (RFC 7518 §3, RFC 8037 §3.1).
 */
public enum SigningAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256; the default, as OIDC Core §15.1 requires. */
    RS256("RS256", "RSA"),
    /** RSASSA-PSS with SHA-256. */
    PS256("PS256", "RSA"),
    /** ECDSA on P-256 with SHA-256. */
    ES256("ES256", "EC"),
    /** Ed25519 (RFC 8037). */
    EDDSA("EdDSA", "OKP");

    private final String jwsName;
    private final String keyType;

    SigningAlgorithm(String jwsName, String keyType) {
        this.jwsName = jwsName;
        this.keyType = keyType;
    }

    /** The {@code alg} header value. */
    public String jwsName() {
        return jwsName;
    }

    /** The JWK {@code kty} of keys for this algorithm. */
    public String keyType() {
        return keyType;
    }

    /** The algorithm whose {@code alg} value is {@code name} (exact case), or empty. */
    public static Optional<SigningAlgorithm> fromJwsName(String name) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(name)).findFirst();
    }
}
