package dev.portcullis.oauth.domain.client;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The JWS algorithms (RFC 7518 §3.1) a client may sign its authentication assertion with
 * ({@code token_endpoint_auth_signing_alg}, OIDC Registration §2). {@code none} is not one of them:
 * OIDC Core §9 forbids it for client authentication.
 */
public enum AssertionSigningAlgorithm {
    HS256("HS256", 32), HS384("HS384", 48), HS512("HS512", 64),
    RS256("RS256", 0), RS384("RS384", 0), RS512("RS512", 0),
    PS256("PS256", 0), PS384("PS384", 0), PS512("PS512", 0),
    ES256("ES256", 0), ES384("ES384", 0), ES512("ES512", 0),
    /** RFC 8037 §3.1: Ed25519 keys (OKP). */
    EDDSA("EdDSA", 0);

    /** What a {@code private_key_jwt} client may use when it registered no algorithm. */
    public static final Set<AssertionSigningAlgorithm> PRIVATE_KEY_DEFAULTS = EnumSet.of(RS256, PS256, ES256, EDDSA);

    /** What a {@code client_secret_jwt} client may use when it registered no algorithm. */
    public static final Set<AssertionSigningAlgorithm> CLIENT_SECRET_DEFAULTS = EnumSet.of(HS256, HS384, HS512);

    private final String jwsName;
    private final int minimumSecretBytes;

    AssertionSigningAlgorithm(String jwsName, int minimumSecretBytes) {
        this.jwsName = jwsName;
        this.minimumSecretBytes = minimumSecretBytes;
    }

    /** The {@code alg} header value. */
    public String jwsName() {
        return jwsName;
    }

    /** Whether this is an HMAC algorithm, keyed with the client secret ({@code client_secret_jwt}). */
    public boolean isSymmetric() {
        return minimumSecretBytes > 0;
    }

    /**
     * RFC 7518 §3.2: an HMAC key at least as long as the hash output; 0 for asymmetric algorithms.
     */
    public int minimumSecretBytes() {
        return minimumSecretBytes;
    }

    /** The method an assertion signed with this algorithm authenticates with. */
    public ClientAuthenticationMethod method() {
        return isSymmetric() ? ClientAuthenticationMethod.CLIENT_SECRET_JWT : ClientAuthenticationMethod.PRIVATE_KEY_JWT;
    }

    /** The algorithm named {@code name} exactly (case-sensitive, as JWS names are), or empty. */
    public static Optional<AssertionSigningAlgorithm> fromJwsName(String name) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return jwsName;
    }
}
