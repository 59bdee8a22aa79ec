package dev.portcullis.oauth.application.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Set;

/**
 * Signs a JWS with EdDSA over Ed25519 (RFC 8037 §3.1) through the JCA signature {@code Ed25519}, so
 * that the provider installed first does the work (a native one when the runtime installed it, else
 * the JDK's SunEC), or the provider set on {@link #getJCAContext()}. Nimbus' own
 * {@code Ed25519Signer} always goes through Google Tink. Ed25519 is deterministic (RFC 8032 §5.1.6):
 * the signature is byte for byte the one {@code Ed25519Signer} makes from the same key and input.
 * The private key is read once, here. Thread-safe.
 */
public final class JcaEd25519Signer extends BaseJWSProvider implements JWSSigner {

    /** RFC 8037 §3.1 {@code EdDSA}, and RFC 9864's fully specified {@code Ed25519}, as Nimbus accepts them. */
    public static final Set<JWSAlgorithm> SUPPORTED_ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private final PrivateKey privateKey;

    /**
     * @param key an Ed25519 {@code OKP} JWK with its private part {@code d}
     * @throws JOSEException when the key is not a private Ed25519 key, or no provider reads Ed25519 keys
     */
    public JcaEd25519Signer(OctetKeyPair key) throws JOSEException {
        super(SUPPORTED_ALGORITHMS);
        if (!Curve.Ed25519.equals(key.getCurve())) {
            throw new JOSEException("Ed25519 signing needs an OKP key on the Ed25519 curve");
        }
        if (!key.isPrivate()) {
            throw new JOSEException("Ed25519 signing needs the private key (d)");
        }
        this.privateKey = Ed25519Encoding.privateKey(key.getDecodedD());
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!SUPPORTED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw new JOSEException(AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(),
                    supportedJWSAlgorithms()));
        }
        try {
            Signature signature = signature(getJCAContext().getProvider());
            signature.initSign(privateKey);
            signature.update(signingInput);
            return Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** A new {@code Ed25519} signature from {@code provider}, or from the first provider that has one when null. */
    static Signature signature(Provider provider) throws GeneralSecurityException {
        return provider == null ? Signature.getInstance(Ed25519Encoding.ALGORITHM)
                : Signature.getInstance(Ed25519Encoding.ALGORITHM, provider);
    }
}
