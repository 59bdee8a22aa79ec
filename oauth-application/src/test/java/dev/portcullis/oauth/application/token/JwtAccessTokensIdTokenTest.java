package dev.portcullis.oauth.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.key.NimbusTokenSigner;
import dev.portcullis.oauth.application.key.PrivateKeyCipher;
import dev.portcullis.oauth.application.key.SigningKeyGenerator;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.token.TokenValue;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ID tokens of OpenID Connect grants, signed by the real key ring (OIDC Core §2, §3.1.3.6, §11, §12.2). */
class JwtAccessTokensIdTokenTest {

    private static final Instant NOW = TestServers.NOW;
    private static final Instant AUTH_TIME = NOW.minusSeconds(90);
    private static final MasterKey MASTER_KEY = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    private static final Client CLIENT = TestClients.confidential().build();
    private static final Client ES256_CLIENT =
            TestClients.confidential("es256-client").idTokenSigningAlgorithm(SigningAlgorithm.ES256).build();
    private static final String SID = "dGhlLXNlc3Npb24tc2lkMA";

    /** Key generation is slow: one ring for the class. */
    private static SigningKeyRing ring;

    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final JwtAccessTokens tokens = new JwtAccessTokens(
            new ServerSettings(TestServers.ISSUER, TestServers.ISSUER.toString(), SigningAlgorithm.RS256,
                    EnumSet.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256)),
            new NimbusTokenSigner(ring), new SecureRandomTokenValueGenerator(new SecureRandom()), event -> { },
            TestServers.CLOCK, refreshTokens);

    @BeforeAll
    static void keys() {
        SecureRandom random = new SecureRandom();
        PrivateKeyCipher cipher = new PrivateKeyCipher(MASTER_KEY, random);
        ring = new SigningKeyRing(new InMemorySigningKeyRepository(), cipher,
                new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(random), TestServers.CLOCK));
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256));
    }

    @Test
    void forUserWhenOpenIdThenIdTokenClaimsExact() throws Exception { // OIDC Core §2, §3.1.3.6
        TokenResponse response = tokens.issuerFor(CLIENT).forUser(codeGrant(CLIENT, ScopeSet.of("openid", "read"))).response();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("iss", "https://as.example.com");
        expected.put("sub", "user-1");
        expected.put("aud", List.of("confidential-client"));
        expected.put("exp", NOW.getEpochSecond() + 300);
        expected.put("iat", NOW.getEpochSecond());
        expected.put("auth_time", AUTH_TIME.getEpochSecond());
        expected.put("nonce", "n-0S6_WzA2Mj");
        expected.put("amr", List.of("pwd"));
        expected.put("at_hash", leftHalfSha256(response.accessToken().value()));
        expected.put("sid", SID);
        assertEquals(expected, payload(response));
    }

    @Test
    void forUserWhenOpenIdThenSignedRs256WithTypJwtAndVerifiesWithPublishedJwks() throws Exception { // OIDC Core §15.1
        TokenResponse response = tokens.issuerFor(CLIENT).forUser(codeGrant(CLIENT, ScopeSet.of("openid"))).response();

        SignedJWT jwt = SignedJWT.parse(response.idToken().orElseThrow().value());
        JWK key = JWKSet.parse(ring.publicJwks()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertTrue(jwt.verify(new RSASSAVerifier(key.toRSAKey())));
    }

    @Test
    void forUserWhenClientChoseEs256ThenIdTokenSignedEs256() throws Exception { // OIDC Registration §2
        TokenResponse response =
                tokens.issuerFor(ES256_CLIENT).forUser(codeGrant(ES256_CLIENT, ScopeSet.of("openid"))).response();

        SignedJWT jwt = SignedJWT.parse(response.idToken().orElseThrow().value());
        JWK key = JWKSet.parse(ring.publicJwks()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new ECDSAVerifier(key.toECKey())));
        assertEquals(leftHalfSha256(response.accessToken().value()), jwt.getJWTClaimsSet().getStringClaim("at_hash"));
    }

    @Test
    void forUserWhenNoOpenIdThenNoIdToken() { // OIDC Core §3.1.2.1: not an OpenID request
        TokenResponse response = tokens.issuerFor(CLIENT).forUser(codeGrant(CLIENT, ScopeSet.of("read"))).response();

        assertEquals(Optional.empty(), response.idToken());
    }

    @Test
    void forUserWhenOpenIdWithoutOfflineAccessThenNoRefreshToken() { // OIDC Core §11
        TokenResponse response = tokens.issuerFor(CLIENT).forUser(codeGrant(CLIENT, ScopeSet.of("openid", "read"))).response();

        assertEquals(Optional.empty(), response.refreshToken());
    }

    @Test
    void forUserWhenOpenIdWithOfflineAccessThenRefreshToken() { // OIDC Core §11
        TokenResponse response = tokens.issuerFor(CLIENT)
                .forUser(codeGrant(CLIENT, ScopeSet.of("openid", "offline_access"))).response();

        assertTrue(response.refreshToken().isPresent());
    }

    @Test
    void forUserWhenNotOpenIdThenRefreshTokenWithoutOfflineAccess() { // RFC 6749 §1.5: the OAuth rule stays
        TokenResponse response = tokens.issuerFor(CLIENT).forUser(codeGrant(CLIENT, ScopeSet.of("read"))).response();

        assertTrue(response.refreshToken().isPresent());
    }

    @Test
    void forUserWhenRefreshOfOpenIdFamilyThenIdTokenWithSameSubAndAuthTimeWithoutNonce() throws Exception { // §12.2
        UserGrant refresh = new UserGrant(new Subject("user-1"), CLIENT.id(), ScopeSet.of("read"), AUTH_TIME, "grant-1",
                GrantType.REFRESH_TOKEN, Optional.of(new RefreshFamily(ScopeSet.of("openid", "offline_access", "read"),
                NOW.plus(Duration.ofDays(5)), new TokenValue("successor"))));

        TokenResponse response = tokens.issuerFor(CLIENT).forUser(refresh).response();

        Map<String, Object> claims = payload(response);
        assertEquals("user-1", claims.get("sub"));
        assertEquals(AUTH_TIME.getEpochSecond(), claims.get("auth_time"));
        assertFalse(claims.containsKey("nonce"));
        assertTrue(response.refreshToken().isPresent());
    }

    @Test
    void accessTokenOnlyWhenOpenIdScopeThenNoIdToken() { // client_credentials has no user to identify
        TokenResponse response = tokens.issuerFor(CLIENT).accessTokenOnly(
                new AccessGrant(CLIENT.id().value(), CLIENT.id(), ScopeSet.of("openid"),
                        GrantType.CLIENT_CREDENTIALS));

        assertEquals(Optional.empty(), response.idToken());
    }

    @Test
    void forUserWhenClaimsRequestedForTheIdTokenThenTheUsersValuesAdded() throws Exception { // OIDC Core §5.5
        JwtAccessTokens withClaims = tokens.withClaimsFrom(new OneUser(Map.of("email", "alice@example.com",
                "name", "Alice", "iss", "https://evil.example")));

        TokenResponse response = withClaims.issuerFor(CLIENT).forUser(claimsGrant(
                new ClaimsRequest(Set.of("birthdate"), Set.of("email", "phone_number"), Optional.empty()))).response();

        Map<String, Object> claims = payload(response);
        assertEquals("alice@example.com", claims.get("email"));
        assertFalse(claims.containsKey("phone_number"), "a claim the user does not have is left out");
        assertFalse(claims.containsKey("name"), "only what was asked for");
        assertFalse(claims.containsKey("birthdate"), "asked for UserInfo, not the ID token");
        assertEquals("user-1", claims.get("sub"));
        assertEquals(TestServers.ISSUER.toString(), claims.get("iss"));
    }

    @Test
    void forUserWhenClaimsRequestedForUserInfoThenAccessTokenNamesThem() throws Exception { // OIDC Core §5.5
        TokenResponse response = tokens.issuerFor(CLIENT).forUser(claimsGrant(
                new ClaimsRequest(Set.of("email", "birthdate"), Set.of(), Optional.empty()))).response();

        Map<String, Object> access = SignedJWT.parse(response.accessToken().value()).getPayload().toJSONObject();
        assertEquals(List.of("birthdate", "email"), access.get(JwtAccessTokens.USERINFO_CLAIMS));
    }

    @Test
    void forUserWhenNoClaimsRequestThenAccessTokenWithoutUserinfoClaims() throws Exception {
        TokenResponse response = tokens.issuerFor(CLIENT).forUser(codeGrant(CLIENT, ScopeSet.of("openid"))).response();

        Map<String, Object> access = SignedJWT.parse(response.accessToken().value()).getPayload().toJSONObject();
        assertFalse(access.containsKey(JwtAccessTokens.USERINFO_CLAIMS));
    }

    @Test
    void forUserWhenClaimsRequestedAndRefreshTokenIssuedThenTheFamilyKeepsThem() { // OIDC Core §5.5, §12.2
        ClaimsRequest requested = new ClaimsRequest(Set.of("email"), Set.of("name"), Optional.empty());

        TokenResponse response = tokens.issuerFor(CLIENT).forUser(new UserGrant(new Subject("user-1"), CLIENT.id(),
                ScopeSet.of("openid", "offline_access"), AUTH_TIME, "grant-1", GrantType.AUTHORIZATION_CODE,
                Optional.empty(), Optional.empty(), Optional.of(SID), List.of("pwd"), requested)).response();

        RefreshToken stored = refreshTokens.findByHash(TokenHash.of(response.refreshToken().orElseThrow().value()))
                .orElseThrow();
        assertEquals(requested.userinfo(), stored.claims().userinfo());
        assertEquals(requested.idToken(), stored.claims().idToken());
    }

    private static UserGrant claimsGrant(ClaimsRequest claims) {
        return new UserGrant(new Subject("user-1"), CLIENT.id(), ScopeSet.of("openid"), AUTH_TIME, "grant-1",
                GrantType.AUTHORIZATION_CODE, Optional.empty(), Optional.of("n-0S6_WzA2Mj"), Optional.of(SID),
                List.of("pwd"), claims);
    }

    /** An Identity Backend that knows one user, user-1, with {@code claims}. */
    private record OneUser(Map<String, Object> claims) implements IdentityBackend {
        @Override
        public Optional<UserClaims> verifyPassword(Username username, Password password) {
            return Optional.empty();
        }

        @Override
        public Optional<UserClaims> claims(Subject subject) {
            return "user-1".equals(subject.value())
                    ? Optional.of(new UserClaims(subject, claims)) : Optional.empty();
        }
    }

    private static UserGrant codeGrant(Client client, ScopeSet scope) {
        return new UserGrant(new Subject("user-1"), client.id(), scope, AUTH_TIME, "grant-1", GrantType.AUTHORIZATION_CODE,
                Optional.empty(), Optional.of("n-0S6_WzA2Mj"), Optional.of(SID), List.of("pwd"));
    }

    private static Map<String, Object> payload(TokenResponse response) throws Exception {
        SignedJWT jwt = SignedJWT.parse(response.idToken().orElseThrow().value());
        return jwt.getPayload().toJSONObject();
    }

    /** OIDC Core §3.1.3.6, computed here without the production code. */
    private static String leftHalfSha256(String accessToken) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(hash, 0, 16));
    }
}
