package dev.portcullis.oauth.application.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.key.NimbusTokenSigner;
import dev.portcullis.oauth.application.key.PrivateKeyCipher;
import dev.portcullis.oauth.application.key.SigningKeyGenerator;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The cache of verified JWT signatures behind {@link AccessTokenValidator}, counted at the verifier. */
class AccessTokenValidatorCacheTest {

    private static final URI ISSUER = URI.create("https://as.example.com");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ServerSettings SETTINGS = new ServerSettings(ISSUER, ISSUER.toString(), SigningAlgorithm.ES256,
            EnumSet.of(SigningAlgorithm.ES256));

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryRevokedAccessTokenRepository revoked = new InMemoryRevokedAccessTokenRepository();
    private final InMemorySigningKeyRepository keys = new InMemorySigningKeyRepository();
    private final PrivateKeyCipher cipher = new PrivateKeyCipher(MasterKey.generate(RANDOM), RANDOM);
    private final SigningKeyGenerator generator =
            new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(RANDOM), clock);
    private final SigningKeyRing ring = new SigningKeyRing(keys, cipher, generator);
    private final NimbusTokenSigner signer = new NimbusTokenSigner(ring);
    private final AtomicInteger verifications = new AtomicInteger();

    AccessTokenValidatorCacheTest() {
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
    }

    @Test
    void validateWhenSameTokenTwiceThenSignatureVerifiedOnce() {
        AccessTokenValidator validator = validator(10);
        TokenValue token = sign(claims());

        ValidatedAccessToken first = validator.validate(token);
        ValidatedAccessToken second = validator.validate(new TokenValue(new String(token.value().toCharArray())));

        assertEquals(1, verifications.get());
        assertEquals(first, second);
    }

    @Test
    void validateWhenSignatureDiffersInOneByteThenVerifiedAndRefused() { // RFC 7515 §5.2
        AccessTokenValidator validator = validator(10);
        TokenValue token = sign(claims());
        validator.validate(token);
        TokenValue tampered = new TokenValue(flipSignatureCharacter(token.value()));

        assertRefused(validator, tampered, AccessTokenValidator.INVALID);
        assertRefused(validator, tampered, AccessTokenValidator.INVALID);

        assertEquals(3, verifications.get(), "the tampered token is verified each time, never cached");
        assertEquals(1, validator.cachedTokens());
    }

    @Test
    void validateWhenPayloadReplacedUnderTheSameSignatureThenVerifiedAndRefused() { // RFC 7515 §5.2
        AccessTokenValidator validator = validator(10);
        Map<String, Object> claims = claims();
        TokenValue token = sign(claims);
        validator.validate(token);
        claims.put("sub", "mallory");
        String[] parts = token.value().split("\\.");
        String payload = Base64URL.encode(JSONObjectUtils.toJSONString(claims)
                .getBytes(StandardCharsets.UTF_8)).toString();

        assertRefused(validator, new TokenValue(parts[0] + "." + payload + "." + parts[2]), AccessTokenValidator.INVALID);

        assertEquals(2, verifications.get());
    }

    @Test
    void validateWhenCachedTokenPastExpThenExpiredAndDropped() { // RFC 9068 §4
        AccessTokenValidator validator = validator(10);
        TokenValue token = sign(claims());
        validator.validate(token);
        clock.advance(Duration.ofSeconds(300));

        assertRefused(validator, token, AccessTokenValidator.EXPIRED);

        assertEquals(0, validator.cachedTokens());
    }

    @Test
    void validateWhenCachedTokenRevokedAfterwardsThenRevokedWithoutVerifyingAgain() { // RFC 7009 §2
        AccessTokenValidator validator = validator(10);
        Map<String, Object> claims = claims();
        TokenValue token = sign(claims);
        validator.validate(token);
        revoked.revoke((String) claims.get("jti"), NOW.plusSeconds(300));

        assertRefused(validator, token, AccessTokenValidator.REVOKED);

        assertEquals(1, verifications.get(), "the deny list was asked about the cached token");
    }

    @Test
    void validateWhenCachedTokensKeyRemovedThenInvalid() { // RFC 7517 §5: verified only with published keys
        AccessTokenValidator validator = validator(10);
        TokenValue token = sign(claims());
        validator.validate(token);
        KeyId old = currentKey();
        rotate();
        keys.delete(old);
        ring.reload();

        assertRefused(validator, token, AccessTokenValidator.INVALID);

        assertEquals(0, validator.cachedTokens());
    }

    @Test
    void validateWhenKeyReplacedUnderTheSameKidThenTheOldSignatureIsRefused() {
        AccessTokenValidator validator = validator(10);
        TokenValue token = sign(claims());
        validator.validate(token);
        KeyId kid = currentKey();
        rotate();
        SigningKey stored = keys.findById(kid).orElseThrow();
        SigningKey other = generator.generate(SigningAlgorithm.ES256, KeyState.RETIRED);
        keys.delete(stored.id());
        keys.add(new SigningKey(stored.id(), stored.algorithm(), stored.state(), other.publicJwk().replace(
                other.id().value(), stored.id().value()), other.encryptedPrivateKey(), stored.createdAt(),
                stored.activatedAt(), stored.retiredAt()));
        ring.reload();

        assertRefused(validator, token, AccessTokenValidator.INVALID);
    }

    @Test
    void validateWhenKeysRotatedThenCachedTokenVerifiedAgainWithTheOldKey() {
        AccessTokenValidator validator = validator(10);
        TokenValue token = sign(claims());
        validator.validate(token);
        rotate();
        ring.reload();

        validator.validate(token);
        validator.validate(token);

        assertEquals(2, verifications.get(), "the change of the published set dropped the cache once");
    }

    @Test
    void validateWhenRingReloadedWithoutChangeThenCacheKept() {
        AccessTokenValidator validator = validator(10);
        TokenValue token = sign(claims());
        validator.validate(token);
        ring.reload();

        validator.validate(token);

        assertEquals(1, verifications.get());
    }

    @Test
    void validateWhenMoreTokensThanTheBoundThenOldestEvicted() {
        AccessTokenValidator validator = validator(2);
        TokenValue first = sign(claims());
        validator.validate(first);
        validator.validate(sign(claims()));
        validator.validate(sign(claims()));

        validator.validate(first);

        assertEquals(2, validator.cachedTokens());
        assertEquals(4, verifications.get(), "the first token was evicted and verified again");
    }

    @Test
    void validateWhenCacheSizeZeroThenEveryCallVerifies() {
        AccessTokenValidator validator = validator(0);
        TokenValue token = sign(claims());

        validator.validate(token);
        validator.validate(token);

        assertEquals(2, verifications.get());
        assertEquals(0, validator.cachedTokens());
    }

    @Test
    void constructorWhenCacheSizeNegativeThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> validator(-1));
    }

    private AccessTokenValidator validator(int cacheSize) {
        return new AccessTokenValidator(SETTINGS, ring, revoked, Optional.empty(), clock, cacheSize, counting());
    }

    private UnaryOperator<JWSVerifier> counting() {
        return verifier -> new JWSVerifier() {
            @Override
            public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
                verifications.incrementAndGet();
                return verifier.verify(header, signingInput, signature);
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return verifier.supportedJWSAlgorithms();
            }

            @Override
            public JCAContext getJCAContext() {
                return verifier.getJCAContext();
            }
        };
    }

    private KeyId currentKey() {
        return ring.currentKeyId(SigningAlgorithm.ES256).orElseThrow();
    }

    /** A new current key; the old one stays published as retired. */
    private void rotate() {
        SigningKey next = generator.generate(SigningAlgorithm.ES256, KeyState.NEXT);
        keys.add(next);
        keys.promote(next.id(), clock.instant());
    }

    private TokenValue sign(Map<String, Object> claims) {
        return new TokenValue(signer.sign(SigningAlgorithm.ES256, "at+jwt", claims));
    }

    private static void assertRefused(AccessTokenValidator validator, TokenValue token, String description) {
        OAuthException thrown = assertThrows(OAuthException.class, () -> validator.validate(token));

        assertEquals(StandardErrorCode.INVALID_TOKEN, thrown.error().code());
        assertEquals(description, thrown.error().description());
    }

    /** One character inside the signature changed (not the last, whose low bits may be padding). */
    private static String flipSignatureCharacter(String value) {
        int at = value.length() - 10;
        char flipped = value.charAt(at) == 'A' ? 'B' : 'A';
        return value.substring(0, at) + flipped + value.substring(at + 1);
    }

    /** RFC 9068 §2.2 claims, valid for five minutes from {@link #NOW}. */
    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER.toString());
        claims.put("sub", "user-1");
        claims.put("aud", ISSUER.toString());
        claims.put("client_id", "web");
        claims.put("iat", NOW.getEpochSecond());
        claims.put("exp", NOW.getEpochSecond() + 300);
        claims.put("jti", "jti-" + RANDOM.nextLong());
        return claims;
    }
}
