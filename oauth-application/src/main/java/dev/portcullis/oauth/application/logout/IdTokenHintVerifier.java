package dev.portcullis.oauth.application.logout;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an {@code id_token_hint} (OIDC RP-Initiated Logout §2): a JWS with {@code typ} {@code JWT}
 * (OIDC Core §2, as {@code IdTokens} writes it, so an {@code at+jwt} access token is no hint), signed
 * with an algorithm the server signs with by one of the keys it publishes, issued by this server, with
 * an audience. Expiry is not checked: the spec accepts an expired hint. Thread-safe.
 */
final class IdTokenHintVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(IdTokenHintVerifier.class);

    private static final String TYPE = "JWT";

    /** The JWK set last parsed, and the map it came from (compared by identity: the ring swaps in a new one on reload). */
    private record Cache(Map<String, Object> source, JWKSet keys) {
    }

    private final String issuer;
    private final Set<JWSAlgorithm> algorithms;
    private final SigningKeyRing ring;
    private volatile Cache cache = new Cache(Map.of(), new JWKSet());

    IdTokenHintVerifier(String issuer, Set<JWSAlgorithm> algorithms, SigningKeyRing ring) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.algorithms = Set.copyOf(algorithms);
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /** The hint's audience and session; empty when {@code hint} is not a valid ID token of this server. */
    Optional<IdTokenHint> verify(String hint) {
        Objects.requireNonNull(hint, "hint");
        try {
            JWT parsed = JWTParser.parse(hint);
            // An unsecured (alg none) or encrypted JWT is never one of ours.
            if (!(parsed instanceof SignedJWT jwt) || !signatureValid(jwt)) {
                return Optional.empty();
            }
            return hint(jwt.getJWTClaimsSet());
        } catch (ParseException e) {
            LOG.debug("id_token_hint refused: not a JWT");
            return Optional.empty();
        }
    }

    private boolean signatureValid(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        if (header.getType() == null || !TYPE.equalsIgnoreCase(header.getType().toString())
                || !algorithms.contains(header.getAlgorithm())) {
            LOG.debug("id_token_hint refused: typ or alg");
            return false;
        }
        JWK key = header.getKeyID() == null ? null : keys().getKeyByKeyId(header.getKeyID());
        // RFC 8725 §3.1: a key verifies only the algorithm it is published for.
        if (key == null || key.getAlgorithm() == null || !header.getAlgorithm().getName().equals(key.getAlgorithm().getName())
                || (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse()))) {
            LOG.debug("id_token_hint refused: unknown key kid={}", header.getKeyID());
            return false;
        }
        try {
            Optional<JWSVerifier> verifier = verifier(key, header.getAlgorithm());
            boolean valid = verifier.isPresent() && jwt.verify(verifier.get());
            if (!valid) {
                LOG.debug("id_token_hint refused: bad signature kid={}", header.getKeyID());
            }
            return valid;
        } catch (JOSEException e) {
            LOG.debug("id_token_hint refused: signature not verifiable kid={}", header.getKeyID());
            return false;
        }
    }

    private static Optional<JWSVerifier> verifier(JWK key, JWSAlgorithm algorithm) throws JOSEException {
        if (key instanceof RSAKey rsa && RSASSAVerifier.SUPPORTED_ALGORITHMS.contains(algorithm)) {
            return Optional.of(new RSASSAVerifier(rsa));
        }
        if (key instanceof ECKey ec && ECDSAVerifier.SUPPORTED_ALGORITHMS.contains(algorithm)) {
            return Optional.of(new ECDSAVerifier(ec));
        }
        if (key instanceof OctetKeyPair okp && Ed25519Verifier.SUPPORTED_ALGORITHMS.contains(algorithm)) {
            return Optional.of(new Ed25519Verifier(okp));
        }
        return Optional.empty();
    }

    private Optional<IdTokenHint> hint(JWTClaimsSet claims) throws ParseException {
        List<String> audience = claims.getAudience();
        if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null || audience.isEmpty()) {
            LOG.debug("id_token_hint refused: iss, sub or aud");
            return Optional.empty();
        }
        return Optional.of(new IdTokenHint(audience, Optional.ofNullable(claims.getStringClaim("sid"))));
    }

    private JWKSet keys() {
        Map<String, Object> published = ring.publicJwks();
        Cache current = cache;
        if (current.source() != published) {
            try {
                current = new Cache(published, JWKSet.parse(published));
            } catch (ParseException e) {
                throw new IllegalStateException("the published JWK set cannot be parsed", e);
            }
            cache = current;
        }
        return current.keys();
    }
}
