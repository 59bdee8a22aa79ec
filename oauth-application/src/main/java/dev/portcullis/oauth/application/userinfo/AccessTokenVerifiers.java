package dev.portcullis.oauth.application.userinfo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.oauth.application.jose.Ed25519Jws;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signature verifiers of the server's own published keys, by {@code kid}, parsed once from
 * {@link SigningKeyRing#publicJwks()} and rebuilt whenever the ring hands out a new JWK set (after
 * {@link SigningKeyRing#reload()}). Verifying against the published set, not the private keys,
 * accepts exactly what a resource server reading {@code jwks_uri} would. Each rebuild makes new
 * {@link KeyVerifier} instances and tells its listener, so that anything remembered about a
 * verifier (the {@link VerifiedTokenCache}) can be compared by identity and dropped. Thread-safe.
 */
public final class AccessTokenVerifiers {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenVerifiers.class);

    /** A usable key: its verifier and the one algorithm it is published for. */
    public record KeyVerifier(JWSAlgorithm algorithm, JWSVerifier verifier) {
    }

    /** The verifiers of one JWK set, and the set they were built from (compared by identity). */
    private record Cache(Map<String, Object> source, Map<String, KeyVerifier> byKid) {
    }

    private final SigningKeyRing ring;
    private final UnaryOperator<JWSVerifier> decorator;
    private final Runnable onRebuild;
    private volatile Cache cache = new Cache(Map.of(), Map.of());

    public AccessTokenVerifiers(SigningKeyRing ring) {
        this(ring, UnaryOperator.identity(), () -> { });
    }

    /**
     * @param ring      the server's keys
     * @param decorator wraps each verifier built (tests count verifications with it)
     * @param onRebuild called after the verifiers were rebuilt for a new JWK set; whatever was kept
     *                  about the old verifiers no longer matches them by identity, so this frees it
     */
    AccessTokenVerifiers(SigningKeyRing ring, UnaryOperator<JWSVerifier> decorator, Runnable onRebuild) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.decorator = Objects.requireNonNull(decorator, "decorator");
        this.onRebuild = Objects.requireNonNull(onRebuild, "onRebuild");
    }

    /** The verifier of the published key {@code kid}; empty when no published key has that id. */
    public Optional<KeyVerifier> find(String kid) {
        Objects.requireNonNull(kid, "kid");
        Map<String, Object> published = ring.publicJwks();
        Cache current = cache;
        // The ring swaps in a new map whenever a reload changed the published keys, so identity tells
        // whether the keys changed; an unknown kid is therefore looked up in the freshest set the ring has.
        if (current.source() != published) {
            current = new Cache(published, parse(published));
            cache = current;
            onRebuild.run();
        }
        return Optional.ofNullable(current.byKid().get(kid));
    }

    private Map<String, KeyVerifier> parse(Map<String, Object> jwks) {
        JWKSet set;
        try {
            set = JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw new IllegalStateException("the published JWK set cannot be parsed", e);
        }
        Map<String, KeyVerifier> verifiers = new HashMap<>();
        for (JWK jwk : set.getKeys()) {
            toVerifier(jwk).ifPresent(key -> verifiers.put(jwk.getKeyID(),
                    new KeyVerifier(key.algorithm(), decorator.apply(key.verifier()))));
        }
        return Map.copyOf(verifiers);
    }

    private static Optional<KeyVerifier> toVerifier(JWK jwk) {
        // Every key the ring generates names its id, its algorithm and use=sig; anything else is skipped.
        if (jwk.getKeyID() == null || jwk.getAlgorithm() == null
                || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
            LOG.warn("published key skipped for verification: kid={}", jwk.getKeyID());
            return Optional.empty();
        }
        // A parsed JWK's alg is a plain Algorithm; JWSAlgorithm.parse gives the JWS constant.
        JWSAlgorithm algorithm = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
        try {
            if (jwk instanceof RSAKey rsa && RSASSAVerifier.SUPPORTED_ALGORITHMS.contains(algorithm)) {
                return Optional.of(new KeyVerifier(algorithm, new RSASSAVerifier(rsa)));
            }
            if (jwk instanceof ECKey ec && ECDSAVerifier.SUPPORTED_ALGORITHMS.contains(algorithm)) {
                return Optional.of(new KeyVerifier(algorithm, new ECDSAVerifier(ec)));
            }
            if (jwk instanceof OctetKeyPair okp && Ed25519Jws.SUPPORTED_ALGORITHMS.contains(algorithm)) {
                return Optional.of(new KeyVerifier(algorithm, Ed25519Jws.verifier(okp)));
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("published key " + jwk.getKeyID() + " cannot verify", e);
        }
        LOG.warn("published key skipped for verification: kid={} alg={}", jwk.getKeyID(), algorithm);
        return Optional.empty();
    }
}
