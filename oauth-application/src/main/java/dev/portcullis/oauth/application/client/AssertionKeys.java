package dev.portcullis.oauth.application.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.oauth.application.jose.Ed25519Jws;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the registered public keys that may verify an assertion signed with a given algorithm:
 * the right key type (and curve), {@code use} absent or {@code sig}, {@code key_ops} absent or
 * with {@code verify}, {@code alg} absent or equal (RFC 7517 §4.2 to §4.4), and the {@code kid}
 * when the assertion names one. Only public-key algorithms reach here, so an HMAC algorithm is
 * never keyed with a public key. Stateless.
 */
final class AssertionKeys {

    /** Keys tried at most for one assertion without a kid, so a large set cannot cost much CPU. */
    private static final int MAX_CANDIDATES = 10;

    private AssertionKeys() {
    }

    static List<JWK> candidates(JWKSet set, JWSAlgorithm alg, Optional<String> kid) {
        return set.getKeys().stream()
                .filter(key -> kid.isEmpty() || kid.get().equals(key.getKeyID()))
                .filter(key -> fitsType(key, alg))
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> key.getKeyOperations() == null || key.getKeyOperations().contains(KeyOperation.VERIFY))
                .filter(key -> key.getAlgorithm() == null || alg.getName().equals(key.getAlgorithm().getName()))
                .limit(MAX_CANDIDATES)
                .toList();
    }

    static Optional<JWSVerifier> verifier(JWK key) {
        try {
            // RFC 7518 §3.3: RSA keys of 2048 bits or more.
            if (key instanceof RSAKey rsa && rsa.size() >= 2048) {
                return Optional.of(new RSASSAVerifier(rsa.toRSAPublicKey(), Set.of()));
            }
            if (key instanceof ECKey ec) {
                return Optional.of(new ECDSAVerifier(ec.toECPublicKey()));
            }
            // RFC 8037 §3.1: EdDSA with Ed25519 only (Ed448 is not supported by the library).
            if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                return Optional.of(Ed25519Jws.verifier(okp.toPublicJWK()));
            }
        } catch (JOSEException e) {
            // A malformed key (e.g. a point off its curve, a too-short modulus): unusable.
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean fitsType(JWK key, JWSAlgorithm alg) {
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return key instanceof RSAKey;
        }
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            return key instanceof ECKey ec && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
        }
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            return key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
        }
        return false;
    }
}
