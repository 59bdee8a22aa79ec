package dev.portcullis.oauth.application.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.key.NimbusTokenSigner;
import dev.portcullis.oauth.application.key.PrivateKeyCipher;
import dev.portcullis.oauth.application.key.SigningKeyGenerator;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.token.TokenValue;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GetUserInfoTest {

    private static final URI ISSUER = URI.create("https://as.example.com");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MutableClock KEY_CLOCK = new MutableClock(NOW);
    /** One ring for the class: an RSA key costs hundreds of milliseconds. */
    private static final Ring RING = new Ring();
    private static final Map<String, Object> ALICE = Map.of(
            "name", "Alice Liddell", "email", "alice@example.com", "email_verified", true,
            "phone_number", "+1 555 0100", "address", Map.of("country", "GB"));

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryRevokedAccessTokenRepository revoked = new InMemoryRevokedAccessTokenRepository();
    private final Users users = new Users();
    private final GetUserInfo userInfo = new GetUserInfo(ServerSettings.of(ISSUER), RING.ring, revoked, users, clock);

    @Test
    void userInfoWhenScopeOpenidEmailThenSubEmailAndEmailVerifiedOnly() { // OIDC Core §5.4
        UserClaims released = userInfo.userInfo(RING.sign(claims("openid email")));

        assertEquals(new Subject("user-1"), released.subject());
        assertEquals(Map.of("email", "alice@example.com", "email_verified", true), released.claims());
    }

    @Test
    void userInfoWhenScopeOpenidOnlyThenNoClaimsBesideSub() { // OIDC Core §5.3.2: sub is always returned
        UserClaims released = userInfo.userInfo(RING.sign(claims("openid")));

        assertEquals(new Subject("user-1"), released.subject());
        assertEquals(Map.of(), released.claims());
    }

    @Test
    void userInfoWhenScopeOpenidProfileAddressThenNameAndAddress() { // OIDC Core §5.4
        UserClaims released = userInfo.userInfo(RING.sign(claims("openid profile address")));

        assertEquals(Map.of("name", "Alice Liddell", "address", Map.of("country", "GB")), released.claims());
    }

    @Test
    void userInfoWhenClaimsRequestedOneByOneThenReleasedBesideTheScopes() { // OIDC Core §5.5
        Map<String, Object> claims = claims("openid email");
        claims.put(JwtAccessTokens.USERINFO_CLAIMS, List.of("phone_number", "nickname"));

        UserClaims released = userInfo.userInfo(RING.sign(claims));

        assertEquals(Map.of("email", "alice@example.com", "email_verified", true, "phone_number", "+1 555 0100"),
                released.claims(), "nickname is asked for but the user has none");
    }

    @Test
    void userInfoWhenRequestedClaimsNotAListThenOnlyTheScopes() {
        Map<String, Object> claims = claims("openid");
        claims.put(JwtAccessTokens.USERINFO_CLAIMS, "phone_number");

        UserClaims released = userInfo.userInfo(RING.sign(claims));

        assertEquals(Map.of(), released.claims());
    }

    @Test
    void userInfoWhenNotAJwtThenInvalidTokenMalformed() { // RFC 6750 §3.1
        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token is malformed.", new TokenValue("not-a-jwt"));
    }

    @Test
    void userInfoWhenTypIsNotAtJwtThenInvalidToken() { // RFC 9068 §4
        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token is invalid.",
                new TokenValue(RING.signer.sign(SigningAlgorithm.RS256, "JWT", claims("openid"))));
    }

    @Test
    void userInfoWhenSignedByAnotherKeyWithTheSameKidThenInvalidToken() throws Exception { // RFC 9068 §4
        RSAKey forged = new RSAKeyGenerator(2048).keyID(RING.kid()).generate();
        JWSObject jws = new JWSObject(header(JWSAlgorithm.RS256, RING.kid()), new Payload(claims("openid")));
        jws.sign(new RSASSASigner(forged));

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token is invalid.", new TokenValue(jws.serialize()));
    }

    @Test
    void userInfoWhenAlgIsNoneThenInvalidToken() { // RFC 8725 §3.1
        PlainObject plain = new PlainObject(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(),
                new Payload(claims("openid")));

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token is invalid.", new TokenValue(plain.serialize()));
    }

    @Test
    void userInfoWhenAlgIsHs256WithTheKidThenInvalidToken() throws Exception { // RFC 8725 §2.1: algorithm confusion
        JWSObject jws = new JWSObject(header(JWSAlgorithm.HS256, RING.kid()), new Payload(claims("openid")));
        jws.sign(new MACSigner(new byte[32]));

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token is invalid.", new TokenValue(jws.serialize()));
    }

    @Test
    void userInfoWhenKidIsUnknownThenInvalidToken() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
        JWSObject jws = new JWSObject(header(JWSAlgorithm.RS256, "unknown-kid"), new Payload(claims("openid")));
        jws.sign(new RSASSASigner(other));

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token is invalid.", new TokenValue(jws.serialize()));
    }

    @Test
    void userInfoWhenClockPassesExpThenInvalidTokenExpired() { // RFC 9068 §4
        TokenValue token = RING.sign(claims("openid"));

        clock.advance(Duration.ofSeconds(300));

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token has expired.", token);
    }

    @Test
    void userInfoWhenOneSecondBeforeExpThenAccepted() {
        TokenValue token = RING.sign(claims("openid"));

        clock.advance(Duration.ofSeconds(299));

        assertEquals(new Subject("user-1"), userInfo.userInfo(token).subject());
    }

    @Test
    void userInfoWhenIssuerIsAnotherServerThenInvalidToken() { // RFC 9068 §4
        Map<String, Object> claims = claims("openid");
        claims.put("iss", "https://evil.example.com");

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token is invalid.", RING.sign(claims));
    }

    @Test
    void userInfoWhenJtiIsRevokedThenInvalidTokenRevoked() { // RFC 7009 §2
        Map<String, Object> claims = claims("openid");
        revoked.revoke((String) claims.get("jti"), NOW.plusSeconds(300));

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The access token has been revoked.", RING.sign(claims));
    }

    @Test
    void userInfoWhenScopeLacksOpenidThenInsufficientScope() { // OIDC Core §5.3, RFC 6750 §3.1
        assertRefused(StandardErrorCode.INSUFFICIENT_SCOPE, "The access token does not have the openid scope.",
                RING.sign(claims("email profile")));
    }

    @Test
    void userInfoWhenNoScopeClaimThenInsufficientScope() { // RFC 9068 §2.2.3
        Map<String, Object> claims = claims("openid");
        claims.remove("scope");

        assertRefused(StandardErrorCode.INSUFFICIENT_SCOPE, "The access token does not have the openid scope.",
                RING.sign(claims));
    }

    @Test
    void userInfoWhenUserIsGoneThenInvalidToken() { // RFC 6750 §3.1
        Map<String, Object> claims = claims("openid");
        claims.put("sub", "user-deleted");

        assertRefused(StandardErrorCode.INVALID_TOKEN, "The user of the access token no longer exists.", RING.sign(claims));
    }

    @Test
    void userInfoWhenIdentityBackendIsDownThenServiceUnavailable() {
        TokenValue token = RING.sign(claims("openid"));
        users.down.set(true);

        assertThrows(ServiceUnavailableException.class, () -> userInfo.userInfo(token));
    }

    @Test
    void userInfoWhenRingReloadsANewKeyThenItsTokensVerify() { // RFC 7517 §5: rotation without restart
        Ring ring = new Ring();
        GetUserInfo rotating = new GetUserInfo(ServerSettings.of(ISSUER), ring.ring, revoked, users, clock);
        rotating.userInfo(ring.sign(claims("openid")));
        KEY_CLOCK.advance(Duration.ofMinutes(1));
        SigningKey next = ring.generator.generate(SigningAlgorithm.RS256, KeyState.NEXT);
        ring.repository.add(next);
        ring.repository.promote(next.id(), KEY_CLOCK.instant());
        ring.ring.reload();

        TokenValue signedByNewKey = ring.sign(claims("openid"));

        assertEquals(new Subject("user-1"), rotating.userInfo(signedByNewKey).subject());
    }

    private void assertRefused(StandardErrorCode code, String description, TokenValue token) {
        OAuthException thrown = assertThrows(OAuthException.class, () -> userInfo.userInfo(token));

        assertEquals(code, thrown.error().code());
        assertEquals(description, thrown.error().description());
    }

    /** RFC 9068 §2.2 claims as JwtAccessTokens writes them, valid for five minutes from {@link #NOW}. */
    private static Map<String, Object> claims(String scope) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER.toString());
        claims.put("sub", "user-1");
        claims.put("aud", ISSUER.toString());
        claims.put("client_id", "web");
        claims.put("iat", NOW.getEpochSecond());
        claims.put("exp", NOW.getEpochSecond() + 300);
        claims.put("jti", "jti-" + RANDOM.nextLong());
        claims.put("scope", scope);
        return claims;
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).keyID(kid).type(new JOSEObjectType("at+jwt")).build();
    }

    /** A key ring with a current RS256 key, and the signer of the server. */
    private static final class Ring {
        final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
        final SigningKeyGenerator generator;
        final SigningKeyRing ring;
        final NimbusTokenSigner signer;

        Ring() {
            PrivateKeyCipher cipher = new PrivateKeyCipher(MasterKey.generate(RANDOM), RANDOM);
            generator = new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(RANDOM), KEY_CLOCK);
            ring = new SigningKeyRing(repository, cipher, generator);
            ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.RS256));
            signer = new NimbusTokenSigner(ring);
        }

        TokenValue sign(Map<String, Object> claims) {
            return new TokenValue(signer.sign(SigningAlgorithm.RS256, "at+jwt", claims));
        }

        @SuppressWarnings("unchecked")
        String kid() {
            List<Map<String, Object>> keys = (List<Map<String, Object>>) ring.publicJwks().get("keys");
            return (String) keys.get(0).get("kid");
        }
    }

    /** The user {@code user-1} with {@link #ALICE}'s claims; can be taken down. */
    private static final class Users implements IdentityBackend {
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public Optional<UserClaims> verifyPassword(Username username, Password password) {
            return Optional.empty();
        }

        @Override
        public Optional<UserClaims> claims(Subject subject) {
            if (down.get()) {
                throw new ServiceUnavailableException("identity backend", new IOException("connection refused"));
            }
            return subject.value().equals("user-1") ? Optional.of(new UserClaims(subject, ALICE)) : Optional.empty();
        }
    }
}
