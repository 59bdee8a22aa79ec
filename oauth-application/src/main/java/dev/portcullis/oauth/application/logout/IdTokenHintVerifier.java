package dev.portcullis.oauth.application.logout;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.userinfo.AccessTokenVerifiers;
import java.text.ParseException;
import java.util.List;
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

    private final String issuer;
    private final Set<JWSAlgorithm> algorithms;
    /** Verifiers of the published keys, built once per JWK set, not per hint. */
    private final AccessTokenVerifiers verifiers;

    IdTokenHintVerifier(String issuer, Set<JWSAlgorithm> algorithms, SigningKeyRing ring) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.algorithms = Set.copyOf(algorithms);
        this.verifiers = new AccessTokenVerifiers(Objects.requireNonNull(ring, "ring"));
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
        // RFC 8725 §3.1: a key verifies only the algorithm it is published for.
        Optional<AccessTokenVerifiers.KeyVerifier> key = header.getKeyID() == null ? Optional.empty()
                : verifiers.find(header.getKeyID()).filter(k -> k.algorithm().equals(header.getAlgorithm()));
        if (key.isEmpty()) {
            LOG.debug("id_token_hint refused: unknown key kid={}", header.getKeyID());
            return false;
        }
        try {
            boolean valid = jwt.verify(key.get().verifier());
            if (!valid) {
                LOG.debug("id_token_hint refused: bad signature kid={}", header.getKeyID());
            }
            return valid;
        } catch (JOSEException e) {
            LOG.debug("id_token_hint refused: signature not verifiable kid={}", header.getKeyID());
            return false;
        }
    }

    private Optional<IdTokenHint> hint(JWTClaimsSet claims) throws ParseException {
        List<String> audience = claims.getAudience();
        if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null || audience.isEmpty()) {
            LOG.debug("id_token_hint refused: iss, sub or aud");
            return Optional.empty();
        }
        return Optional.of(new IdTokenHint(audience, Optional.ofNullable(claims.getStringClaim("sid"))));
    }
}
