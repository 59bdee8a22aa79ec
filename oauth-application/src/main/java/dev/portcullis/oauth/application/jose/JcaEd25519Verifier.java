package dev.portcullis.oauth.application.jose;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Set;

/**
 * Verifies a JWS signed with EdDSA over Ed25519 (RFC 8037 §3.1) through the JCA signature
 * {@code Ed25519}, like {@link JcaEd25519Signer}; Nimbus' own {@code Ed25519Verifier} always goes
 * through Google Tink. It accepts and refuses what {@code Ed25519Verifier} does: an unknown
 * critical header parameter (RFC 7515 §4.1.11) or a malformed signature is "not verified", an
 * algorithm other than EdDSA or Ed25519 an exception. The public key is read once, here. Thread-safe.
 */
public final class JcaEd25519Verifier extends BaseJWSProvider implements JWSVerifier, CriticalHeaderParamsAware {

    private final CriticalHeaderParamsDeferral critical = new CriticalHeaderParamsDeferral();
    private final PublicKey publicKey;

    /**
     * @param key an Ed25519 {@code OKP} JWK; only its public part {@code x} is used
     * @throws JOSEException when the key is not an Ed25519 key the provider can read
     */
    public JcaEd25519Verifier(OctetKeyPair key) throws JOSEException {
        this(key, Set.of());
    }

    /**
     * @param key                   an Ed25519 {@code OKP} JWK; only its public part {@code x} is used
     * @param deferredCriticalNames critical header parameters the caller checks itself
     * @throws JOSEException when the key is not an Ed25519 key the provider can read
     */
    public JcaEd25519Verifier(OctetKeyPair key, Set<String> deferredCriticalNames) throws JOSEException {
        super(JcaEd25519Signer.SUPPORTED_ALGORITHMS);
        if (!Curve.Ed25519.equals(key.getCurve())) {
            throw new JOSEException("Ed25519 verification needs an OKP key on the Ed25519 curve");
        }
        this.publicKey = Ed25519Encoding.publicKey(key.getDecodedX());
        critical.setDeferredCriticalHeaderParams(deferredCriticalNames);
    }

    @Override
    public Set<String> getProcessedCriticalHeaderParams() {
        return critical.getProcessedCriticalHeaderParams();
    }

    @Override
    public Set<String> getDeferredCriticalHeaderParams() {
        return critical.getDeferredCriticalHeaderParams();
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) throws JOSEException {
        if (!JcaEd25519Signer.SUPPORTED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw new JOSEException(AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(),
                    supportedJWSAlgorithms()));
        }
        if (!critical.headerPasses(header)) {
            return false;
        }
        byte[] bytes = signature.decode();
        if (bytes.length != Ed25519Encoding.SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = JcaEd25519Signer.signature(getJCAContext().getProvider());
            verifier.initVerify(publicKey);
            verifier.update(signedContent);
            return verifier.verify(bytes);
        } catch (SignatureException e) {
            // A signature the provider cannot even parse (e.g. S not below the group order): not verified.
            return false;
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 verification failed: " + e.getMessage(), e);
        }
    }
}
