package dev.portcullis.oauth.application.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.Security;
import java.util.Set;

/**
 * Chooses how EdDSA (Ed25519, RFC 8037) is signed and verified: through the JCA
 * ({@link JcaEd25519Signer}, {@link JcaEd25519Verifier}) whenever a provider has the {@code Ed25519}
 * signature and key factory, as every JDK since 15 does, so that a native provider installed first
 * takes the work; through Nimbus and Google Tink otherwise. Both make identical signatures. Build
 * signers and verifiers once per key, never per request. Stateless.
 */
public final class Ed25519Jws {

    /** The JWS algorithms an Ed25519 key signs and verifies: EdDSA and the fully specified Ed25519. */
    public static final Set<JWSAlgorithm> SUPPORTED_ALGORITHMS = JcaEd25519Signer.SUPPORTED_ALGORITHMS;

    private Ed25519Jws() {
    }

    /**
     * A signer for the private Ed25519 key {@code key}.
     *
     * @throws JOSEException when the key is not a private Ed25519 key
     */
    public static JWSSigner signer(OctetKeyPair key) throws JOSEException {
        return signer(key, jcaHasEd25519());
    }

    /**
     * A verifier for the public part of the Ed25519 key {@code key}.
     *
     * @throws JOSEException when the key is not an Ed25519 key
     */
    public static JWSVerifier verifier(OctetKeyPair key) throws JOSEException {
        return verifier(key, jcaHasEd25519());
    }

    static JWSSigner signer(OctetKeyPair key, boolean throughJca) throws JOSEException {
        return throughJca ? new JcaEd25519Signer(key) : new Ed25519Signer(key);
    }

    static JWSVerifier verifier(OctetKeyPair key, boolean throughJca) throws JOSEException {
        return throughJca ? new JcaEd25519Verifier(key) : new Ed25519Verifier(key.toPublicJWK());
    }

    /** Whether an installed provider has the Ed25519 signature and a provider reads Ed25519 keys. */
    static boolean jcaHasEd25519() {
        return Security.getProviders("Signature." + Ed25519Encoding.ALGORITHM) != null
                && Security.getProviders("KeyFactory." + Ed25519Encoding.ALGORITHM) != null;
    }
}
