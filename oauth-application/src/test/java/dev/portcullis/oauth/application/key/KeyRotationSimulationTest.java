package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Drives the key lifecycle over simulated months with a controllable clock, two server instances
 * sharing one key store (one runs the rotation job, the other only refreshes its keys now and then)
 * and a resource server that caches JWKS, and checks DESIGN.md's promise at every step: no token
 * is ever unverifiable from the JWKS a verifier has cached, and a key is published before it signs.
 */
class KeyRotationSimulationTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(10);
    private static final Duration SIMULATED = Duration.ofDays(33);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final Duration REFRESH_INTERVAL = Duration.ofMinutes(20);
    private static final Duration VERIFIER_CACHE = Duration.ofMinutes(45);
    private static final KeyRotationPolicy POLICY =
            new KeyRotationPolicy(Duration.ofDays(3), REFRESH_INTERVAL.plus(VERIFIER_CACHE).plusMinutes(10),
                    REFRESH_INTERVAL.plusMinutes(5));
    private static final Set<SigningAlgorithm> ALGORITHMS = EnumSet.of(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA);

    private final MutableClock clock = new MutableClock(START);
    private final InMemorySigningKeyRepository keys = new InMemorySigningKeyRepository();
    private final InMemoryClientRepository clients = new InMemoryClientRepository();

    private record Token(SignedJWT jwt, Instant expiresAt) {
    }

    /** A resource server: fetches JWKS from one instance or the other, and keeps it for its cache time. */
    private static final class Verifier {
        private JWKSet cached = new JWKSet();
        private Instant fetchedAt = Instant.MIN;
        private int fetches;

        void refreshIfStale(Instant now, SigningKeyRing a, SigningKeyRing b) throws ParseException {
            if (!fetchedAt.plus(VERIFIER_CACHE).isAfter(now)) {
                cached = JWKSet.parse((fetches++ % 2 == 0 ? a : b).publicJwks());
                fetchedAt = now;
            }
        }

        boolean knows(SignedJWT jwt) {
            return cached.getKeyByKeyId(jwt.getHeader().getKeyID()) != null;
        }

        boolean verifies(SignedJWT jwt) throws JOSEException {
            JWK key = cached.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                return false;
            }
            JWSVerifier verifier = key instanceof OctetKeyPair okp
                    ? new Ed25519Verifier(okp)
                    : new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) key).toPublicKey());
            return jwt.verify(verifier);
        }
    }

    private SigningKeyRing ring() {
        SecureRandom random = new SecureRandom();
        PrivateKeyCipher cipher = new PrivateKeyCipher(TestKeyRings.MASTER_KEY, random);
        return new SigningKeyRing(keys, cipher, new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(random), clock));
    }

    @Test
    void rotateOverMonthsWhenVerifierCachesJwksThenEveryLiveTokenVerifiesAndKeysArePublishedBeforeTheySign()
            throws Exception {
        clients.save(TestClients.confidential("long-lived")
                .lifetimes(TokenLifetimes.DEFAULTS.withAccessToken(TOKEN_LIFETIME)).build());
        SigningKeyRing rotating = ring();
        SigningKeyRing lagging = ring();
        rotating.ensureCurrentKeys(ALGORITHMS);
        lagging.ensureCurrentKeys(ALGORITHMS);
        MaintainSigningKeys job = new MaintainSigningKeys(rotating, POLICY, clients, ALGORITHMS, clock, new LocalJobLock());
        Verifier verifier = new Verifier();
        Map<String, Instant> firstPublished = new HashMap<>();
        Map<String, Instant> firstSigned = new HashMap<>();
        List<Token> live = new ArrayList<>();
        Set<String> bootstrapKids = kids(rotating);
        Instant lastRefresh = START;
        int verifiedAtExpiry = 0;
        int step = 0;

        for (Instant now = START; now.isBefore(START.plus(SIMULATED)); clock.advance(STEP), now = clock.instant()) {
            // The worst order: the verifier fetches JWKS just before keys change.
            verifier.refreshIfStale(now, rotating, lagging);
            job.run();
            if (!lastRefresh.plus(REFRESH_INTERVAL).isAfter(now)) {
                lagging.reload();
                lastRefresh = now;
            }
            recordPublished(firstPublished, now, rotating, lagging);
            // One token a step, from each instance and algorithm in turn.
            SigningKeyRing instance = step % 2 == 0 ? rotating : lagging;
            SigningAlgorithm algorithm = (step / 2) % 2 == 0 ? SigningAlgorithm.ES256 : SigningAlgorithm.EDDSA;
            step++;
            SignedJWT jwt = SignedJWT.parse(new NimbusTokenSigner(instance).sign(algorithm, "at+jwt",
                    Map.of("iat", now.getEpochSecond(), "exp", now.plus(TOKEN_LIFETIME).getEpochSecond())));
            firstSigned.putIfAbsent(jwt.getHeader().getKeyID(), now);
            live.add(new Token(jwt, now.plus(TOKEN_LIFETIME)));
            Instant at = now;
            for (Token token : live) {
                // The promise: whatever a verifier has cached knows the key of every token that has not expired...
                assertTrue(verifier.knows(token.jwt()), () -> "unverifiable token at " + at + " kid="
                        + token.jwt().getHeader().getKeyID());
                // ... and the signature checks out with it, up to the token's last moment.
                if (!token.expiresAt().isAfter(at.plus(STEP))) {
                    assertTrue(verifier.verifies(token.jwt()), () -> "bad signature at " + at);
                    verifiedAtExpiry++;
                }
            }
            live.removeIf(t -> !t.expiresAt().isAfter(at.plus(STEP)));
        }

        for (Map.Entry<String, Instant> signed : firstSigned.entrySet()) {
            Instant published = firstPublished.get(signed.getKey());
            assertNotNull(published, signed.getKey());
            if (!bootstrapKids.contains(signed.getKey())) {
                assertTrue(!published.plus(POLICY.publicationLead()).isAfter(signed.getValue()),
                        () -> "kid " + signed.getKey() + " signed before it had been published for the lead time");
            }
        }
        // 33 days at one rotation every 3 days: about ten keys per algorithm signed, and the old ones were removed.
        assertTrue(firstSigned.size() >= 2 * 9, "keys that signed: " + firstSigned.size());
        assertTrue(verifiedAtExpiry > 0);
        for (SigningAlgorithm algorithm : ALGORITHMS) {
            List<SigningKey> stored = keys.findAll().stream().filter(k -> k.algorithm() == algorithm).toList();
            assertEquals(1, stored.stream().filter(k -> k.state() == KeyState.CURRENT).count());
            assertTrue(stored.size() <= 3, () -> "keys kept for " + algorithm + ": " + stored);
        }
    }

    private static void recordPublished(Map<String, Instant> firstPublished, Instant now, SigningKeyRing... instances) {
        for (SigningKeyRing instance : instances) {
            kids(instance).forEach(kid -> firstPublished.putIfAbsent(kid, now));
        }
    }

    private static Set<String> kids(SigningKeyRing ring) {
        Set<String> kids = new HashSet<>();
        try {
            JWKSet.parse(ring.publicJwks()).getKeys().forEach(k -> kids.add(k.getKeyID()));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return kids;
    }
}
