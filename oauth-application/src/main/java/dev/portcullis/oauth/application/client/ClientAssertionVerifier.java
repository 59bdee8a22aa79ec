package dev.portcullis.oauth.application.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a client authentication assertion (RFC 7523 §3, OIDC Core §9) for the client it names:
 * the algorithm is one the client may use; {@code aud} names this server; {@code exp} is present,
 * not passed and not too far ahead; {@code nbf} and {@code iat} are not in the future; {@code jti}
 * is present; the signature verifies with a registered key of the client ({@code private_key_jwt})
 * or with its secret ({@code client_secret_jwt}); and only then is the {@code jti} spent, so that
 * nobody without the key can spend a client's identifiers. Thread-safe.
 *
 * <p>Every refusal is {@code invalid_client}. Mistakes in the assertion's content get a precise
 * description; a failed signature, an unknown key or an unusable registration get the generic
 * "Client authentication failed.", as the other methods do.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-3">RFC 7523 §3</a>
 */
public final class ClientAssertionVerifier {

    /** How far ahead an assertion's {@code exp} may be when not configured. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(5);

    /** The clock difference tolerated between client and server when not configured. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ClientAssertionVerifier.class);
    private static final String FAILED = "Client authentication failed.";
    /** Client keys whose verifiers are kept; beyond that the cache starts again. */
    private static final int MAX_VERIFIERS = 10_000;

    private final Set<String> audiences;
    private final ClientJwkSets keys;
    private final Optional<ClientSecretCipher> secrets;
    private final AssertionJtiRepository jtis;
    private final Clock clock;
    private final Duration maxLifetime;
    private final Duration clockSkew;
    private final AssertionVerifiers verifiers = new AssertionVerifiers(MAX_VERIFIERS);

    /**
     * @param audiences   the {@code aud} values that name this server: its issuer and the endpoints
     *                    where clients authenticate (RFC 7523 §3 item 3, OIDC Core §9)
     * @param keys        the public keys of {@code private_key_jwt} clients
     * @param secrets     opens the sealed secrets of {@code client_secret_jwt} clients; empty to refuse that method
     * @param jtis        the spent {@code jti} values
     * @param maxLifetime how far ahead {@code exp} may be
     * @param clockSkew   the clock difference tolerated on {@code exp}, {@code nbf} and {@code iat}
     */
    public ClientAssertionVerifier(Set<String> audiences, ClientJwkSets keys, Optional<ClientSecretCipher> secrets,
                                   AssertionJtiRepository jtis, Clock clock, Duration maxLifetime, Duration clockSkew) {
        this.audiences = Set.copyOf(audiences);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.jtis = Objects.requireNonNull(jtis, "jtis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (audiences.isEmpty() || maxLifetime.isNegative() || maxLifetime.isZero() || clockSkew.isNegative()) {
            throw new IllegalArgumentException("audiences must not be empty, maxLifetime positive, clockSkew not negative");
        }
    }

    /**
     * Verifies {@code assertion} for {@code client}, whose method is {@code private_key_jwt} or
     * {@code client_secret_jwt} and matches the assertion's algorithm.
     *
     * @throws dev.portcullis.oauth.domain.error.OAuthException {@code invalid_client} when it does not hold
     */
    void verify(Client client, ClientAssertion assertion) {
        AssertionSigningAlgorithm algorithm = assertion.algorithm();
        if (!client.assertionAlgorithms().contains(algorithm)) {
            throw ClientAssertion.refused("The client assertion algorithm is not allowed for this client.",
                    "client " + client.id() + " may not sign assertions with " + algorithm);
        }
        JWTClaimsSet claims = assertion.claims();
        Instant expiry = checkTimes(client, claims);
        checkAudience(client, claims.getAudience());
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > AssertionJtiRepository.MAX_JTI_LENGTH) {
            throw ClientAssertion.refused("The client assertion must carry a jti of at most 255 characters.",
                    "client_assertion of client " + client.id() + " without a usable jti");
        }
        if (client.authenticationMethod() == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
            checkMac(client, assertion);
        } else {
            checkSignature(client, assertion);
        }
        // RFC 7523 §3 item 7: the jti is remembered until the assertion could no longer be accepted.
        if (!jtis.use(client.id(), jti, expiry.plus(clockSkew))) {
            LOG.warn("client assertion replayed: client_id={} jti={}", client.id(), jti);
            throw ClientAssertion.refused("The client assertion was already used.",
                    "client_assertion jti " + jti + " of client " + client.id() + " replayed");
        }
    }

    /** RFC 7523 §3 items 4 to 6; returns the expiry. */
    private Instant checkTimes(Client client, JWTClaimsSet claims) {
        Instant now = Instant.now(clock);
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw ClientAssertion.refused("The client assertion must carry exp.", "client_assertion without exp");
        }
        Instant expiry = exp.toInstant();
        if (!expiry.plus(clockSkew).isAfter(now)) {
            throw ClientAssertion.refused("The client assertion has expired.",
                    "client_assertion of client " + client.id() + " expired at " + expiry);
        }
        if (expiry.isAfter(now.plus(maxLifetime).plus(clockSkew))) {
            throw ClientAssertion.refused("The client assertion expires too far in the future.",
                    "client_assertion of client " + client.id() + " expires at " + expiry);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(clockSkew))) {
            throw ClientAssertion.refused("The client assertion is not valid yet.",
                    "client_assertion of client " + client.id() + " not before " + nbf.toInstant());
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isAfter(now.plus(clockSkew))) {
            throw ClientAssertion.refused("The client assertion is issued in the future.",
                    "client_assertion of client " + client.id() + " issued at " + iat.toInstant());
        }
        return expiry;
    }

    // RFC 7523 §3 item 3: aud identifies the authorization server; OIDC Core §9: the token endpoint URL.
    private void checkAudience(Client client, List<String> audience) {
        if (audience == null || audience.stream().noneMatch(audiences::contains)) {
            throw ClientAssertion.refused("The client assertion audience does not name this server.",
                    "client_assertion of client " + client.id() + " for another audience");
        }
    }

    private void checkSignature(Client client, ClientAssertion assertion) {
        JWSAlgorithm alg = assertion.jwt().getHeader().getAlgorithm();
        Optional<String> kid = Optional.ofNullable(assertion.jwt().getHeader().getKeyID());
        JWKSet set = keys.keysOf(client, kid).orElseThrow(() -> ClientAssertion.refused(FAILED,
                "no usable JWK Set for client " + client.id() + " (jwks unparsable or jwks_uri unreachable)"));
        List<JWK> candidates = AssertionKeys.candidates(set, alg, kid);
        if (candidates.isEmpty()) {
            throw ClientAssertion.refused(FAILED, "no key of client " + client.id() + " fits alg " + alg
                    + kid.map(k -> " and kid " + k).orElse(""));
        }
        for (JWK key : candidates) {
            Optional<JWSVerifier> verifier = verifiers.of(key);
            if (verifier.isPresent() && verifies(assertion, verifier.get())) {
                return;
            }
        }
        throw ClientAssertion.refused(FAILED, "client_assertion signature of client " + client.id() + " does not verify"
                + kid.map(k -> " with kid " + k).orElse(""));
    }

    private void checkMac(Client client, ClientAssertion assertion) {
        ClientSecretCipher cipher = secrets.orElseThrow(() ->
                ClientAssertion.refused(FAILED, "client_secret_jwt is not served: no master key given"));
        if (client.sealedSecret().isEmpty()) {
            throw ClientAssertion.refused(FAILED, "client " + client.id()
                    + " uses client_secret_jwt but its secret is not stored encrypted; set its client_secret again");
        }
        ClientSecret secret;
        try {
            secret = cipher.open(client.id(), client.sealedSecret().get());
        } catch (IllegalStateException e) {
            LOG.error("sealed secret of client_id={} cannot be opened: {}", client.id(), e.getMessage());
            throw ClientAssertion.refused(FAILED, "sealed secret of client " + client.id() + " cannot be opened");
        }
        byte[] key = secret.value().getBytes(StandardCharsets.UTF_8);
        // RFC 7518 §3.2: the key must be at least as long as the hash output.
        if (key.length < assertion.algorithm().minimumSecretBytes()) {
            throw ClientAssertion.refused("The client secret is too short for this algorithm.",
                    "secret of client " + client.id() + " is shorter than " + assertion.algorithm() + " needs");
        }
        try {
            if (!verifies(assertion, new MACVerifier(key))) {
                throw ClientAssertion.refused(FAILED, "client_assertion MAC of client " + client.id() + " does not verify");
            }
        } catch (JOSEException e) {
            throw ClientAssertion.refused(FAILED, "client " + client.id() + " secret unusable for HMAC");
        }
    }

    private static boolean verifies(ClientAssertion assertion, JWSVerifier verifier) {
        try {
            return assertion.jwt().verify(verifier);
        } catch (JOSEException e) {
            // An unsupported crit header or a key of the wrong kind: not verified.
            return false;
        }
    }
}
