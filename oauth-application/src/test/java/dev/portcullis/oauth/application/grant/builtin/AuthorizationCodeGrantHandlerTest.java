package dev.portcullis.oauth.application.grant.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.contract.Race;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.IssueToken;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.memory.InMemoryAuthorizationCodeRepository;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantHandlerTest {

    private static final Instant NOW = TestServers.NOW;
    private static final Instant AUTH_TIME = NOW.minusSeconds(30);
    private static final String CONFIDENTIAL = "confidential-client";
    private static final String PUBLIC = "public-client";
    private static final String NO_REFRESH = "no-refresh-client";
    private static final String CODE = "SplxlOBeZQQYbYS6WxSbIA-code-value-for-tests";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String GRANT_ID = "grant-1";
    private static final String REDIRECT = TestClients.REDIRECT_URI.toString();

    private static final OAuthError INVALID_CODE =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The authorization code is invalid or expired.");
    private static final OAuthError REDIRECT_URI_MISMATCH =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The redirect_uri does not match the authorization request.");
    private static final OAuthError VERIFIER_MISSING =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The code_verifier parameter is missing.");
    private static final OAuthError VERIFIER_MISMATCH =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The code_verifier does not match the code_challenge.");
    private static final OAuthError VERIFIER_UNEXPECTED = new OAuthError(StandardErrorCode.INVALID_GRANT,
            "The code_verifier was sent but the authorization request had no code_challenge.");
    private static final OAuthError PKCE_REQUIRED = new OAuthError(StandardErrorCode.INVALID_GRANT,
            "The authorization request of a public client must use a code_challenge.");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryAuthorizationCodeRepository codes = new InMemoryAuthorizationCodeRepository();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final InMemoryRevokedAccessTokenRepository revokedAccessTokens = new InMemoryRevokedAccessTokenRepository();
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
    /** Claims of every access token minted, by token value: the stub signer's "JWT" is an index. */
    private final Map<String, Map<String, Object>> signed = new ConcurrentHashMap<>();
    private final IssueToken issueToken;

    AuthorizationCodeGrantHandlerTest() {
        register(TestClients.confidential(CONFIDENTIAL));
        register(TestClients.publicClient(PUBLIC));
        register(TestClients.confidential(NO_REFRESH).grantTypes(GrantType.AUTHORIZATION_CODE));
        JwtAccessTokens tokens = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), (algorithm, type, claims) -> {
            String value = type + "-" + claims.getOrDefault("jti", claims.get("at_hash"));
            signed.put(value, Map.copyOf(claims));
            return value;
        }, new SecureRandomTokenValueGenerator(new SecureRandom()), event -> { }, clock, refreshTokens);
        AuthorizationCodeGrantHandler handler =
                new AuthorizationCodeGrantHandler(codes, refreshTokens, revokedAccessTokens, clock);
        issueToken = new IssueToken(new ClientAuthenticator(clients, hasher, new SecretVerificationCache(new SecureRandom(), 100)),
                new GrantHandlerRegistry(List.of(handler)), tokens, new ScopePolicy(), new InMemoryUnitOfWork());
    }

    @Test
    void grantTypeWhenReadThenAuthorizationCode() { // RFC 6749 §4.1.3
        AuthorizationCodeGrantHandler handler =
                new AuthorizationCodeGrantHandler(codes, refreshTokens, revokedAccessTokens, clock);

        assertEquals(GrantType.AUTHORIZATION_CODE, handler.grantType());
        assertEquals(Set.of("code", "redirect_uri", "code_verifier"), handler.parameters());
    }

    @Test
    void issueWhenS256VerifierMatchesThenAccessAndRefreshToken() { // RFC 7636 §4.6, RFC 6749 §4.1.4
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, VERIFIER));

        assertEquals(TokenResponse.BEARER, response.tokenType());
        assertEquals(Duration.ofMinutes(5), response.expiresIn());
        assertEquals(ScopeSet.of("openid", "offline_access", "read"), response.scope());
        assertTrue(response.refreshToken().isPresent());
    }

    @Test
    void issueWhenConfidentialClientWithoutPkceThenTokens() { // RFC 9700 §2.1.1: PKCE optional when confidential
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, null));

        assertTrue(signed.containsKey(response.accessToken().value()));
    }

    @Test
    void issueWhenPublicClientWithPkceThenAuthenticatedByClientIdOnly() { // RFC 6749 §3.2.1, RFC 7636 §4.5
        codes.save(code(PUBLIC, Optional.of(s256(VERIFIER))));

        TokenResponse response = issueToken.issue(publicClient(CODE, REDIRECT, VERIFIER));

        assertEquals(PUBLIC, signed.get(response.accessToken().value()).get("client_id"));
    }

    @Test
    void issueWhenClientMayUseRefreshTokenThenRefreshTokenStoredOnlyAsHash() { // RFC 6749 §6, DESIGN.md "Storage"
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));

        String value = issueToken.issue(confidential(CODE, REDIRECT, VERIFIER)).refreshToken().orElseThrow().value();

        assertNotEquals(value, TokenHash.of(value));
        assertEquals(Optional.empty(), refreshTokens.findByHash(value));
        assertEquals(Optional.of(new RefreshToken(TokenHash.of(value), GRANT_ID, new ClientId(CONFIDENTIAL),
                new Subject("user-1"), ScopeSet.of("openid", "offline_access", "read"), AUTH_TIME, NOW, NOW.plus(Duration.ofDays(30)),
                false)), refreshTokens.findByHash(TokenHash.of(value)));
    }

    @Test
    void issueWhenClientMayNotUseRefreshTokenThenNoRefreshToken() { // RFC 6749 §1.5: at the server's discretion
        codes.save(code(NO_REFRESH, Optional.empty()));

        TokenResponse response = issueToken.issue(TestServers.basic(NO_REFRESH, "grant_type", "authorization_code",
                "code", CODE, "redirect_uri", REDIRECT));

        assertEquals(Optional.empty(), response.refreshToken());
    }

    @Test
    void issueWhenTokenIssuedThenClaimsAreTheUsersWithAuthTime() { // RFC 9068 §2.2, §2.2.1
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, VERIFIER));

        Map<String, Object> claims = signed.get(response.accessToken().value());
        assertEquals(Map.of(
                "iss", "https://as.example.com",
                "sub", "user-1",
                "aud", "https://as.example.com",
                "client_id", CONFIDENTIAL,
                "iat", NOW.getEpochSecond(),
                "exp", NOW.getEpochSecond() + 300,
                "jti", claims.get("jti"),
                "scope", "openid offline_access read",
                "auth_time", AUTH_TIME.getEpochSecond(),
                "grant_id", "grant-1"), claims);
    }

    @Test
    void issueWhenCodeHasNonceAndSessionThenIdTokenCarriesThemWithAmrPwd() { // OIDC Core §2, §3.1.3.6
        AuthorizationCode base = code(CONFIDENTIAL, Optional.empty());
        codes.save(new AuthorizationCode(base.codeHash(), base.clientId(), base.redirectUri(), base.scope(),
                base.subject(), base.authTime(), base.codeChallenge(), Optional.of("n-0S6_WzA2Mj"),
                Optional.of("c2Vzc2lvbi1zaWQtdmFsdWU"), base.grantId(), base.issuedAt(), base.expiresAt()));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, null));

        Map<String, Object> claims = signed.get(response.idToken().orElseThrow().value());
        assertEquals("n-0S6_WzA2Mj", claims.get("nonce"));
        assertEquals("c2Vzc2lvbi1zaWQtdmFsdWU", claims.get("sid"));
        assertEquals(List.of("pwd"), claims.get("amr"));
        assertEquals(List.of(CONFIDENTIAL), claims.get("aud"));
        assertEquals(AUTH_TIME.getEpochSecond(), claims.get("auth_time"));
    }

    @Test
    void issueWhenCodeWithoutNonceOrSessionThenIdTokenWithoutNonceSidAndAmr() { // OIDC Core §2: only when known
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, null));

        Map<String, Object> claims = signed.get(response.idToken().orElseThrow().value());
        assertFalse(claims.containsKey("nonce"));
        assertFalse(claims.containsKey("sid"));
        assertFalse(claims.containsKey("amr"));
    }

    @Test
    void issueWhenCodeScopeHasNoOpenIdThenNoIdToken() { // OIDC Core §3.1.2.1
        AuthorizationCode base = code(CONFIDENTIAL, Optional.empty());
        codes.save(new AuthorizationCode(base.codeHash(), base.clientId(), base.redirectUri(), ScopeSet.of("read"),
                base.subject(), base.authTime(), base.codeChallenge(), Optional.of("n"), base.grantId(), base.issuedAt(),
                base.expiresAt()));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, null));

        assertEquals(Optional.empty(), response.idToken());
    }

    @Test
    void issueWhenScopeParameterSentThenTokenHasTheCodesScope() { // RFC 6749 §4.1.3 defines no scope parameter
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        TokenResponse response = issueToken.issue(TestServers.basic(CONFIDENTIAL, "grant_type", "authorization_code",
                "code", CODE, "redirect_uri", REDIRECT, "scope", "read"));

        assertEquals(ScopeSet.of("openid", "offline_access", "read"), response.scope());
    }

    @Test
    void issueWhenTokenIssuedThenItsJtiIsRecordedOnTheCode() { // RFC 6749 §4.1.2: so that a replay can revoke it
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, null));

        Map<String, Object> claims = signed.get(response.accessToken().value());
        Redemption.AlreadyRedeemed again = assertInstanceOf(Redemption.AlreadyRedeemed.class,
                codes.redeem(TokenHash.of(CODE), NOW));
        assertEquals(Optional.of(claims.get("jti")), again.accessTokenId());
        assertEquals(Optional.of(Instant.ofEpochSecond((Long) claims.get("exp"))), again.accessTokenExpiresAt());
    }

    @Test
    void issueWhenCodeMissingThenInvalidRequest() { // RFC 6749 §5.2: invalid_request
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(confidential(null, REDIRECT, null)));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The code parameter is missing."), thrown.error());
    }

    @Test
    void issueWhenCodeUnknownThenInvalidGrant() { // RFC 6749 §5.2: invalid_grant
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        OAuthError error = refusal(confidential("another-code-value-that-was-never-issued-xx", REDIRECT, null));

        assertEquals(INVALID_CODE, error);
    }

    @Test
    void issueWhenCodeExpiredThenInvalidGrant() { // RFC 6749 §4.1.2, §5.2
        codes.save(code(CONFIDENTIAL, Optional.empty()));
        clock.advance(Duration.ofSeconds(61));

        OAuthError error = refusal(confidential(CODE, REDIRECT, null));

        assertEquals(INVALID_CODE, error);
    }

    @Test
    void issueWhenCodeReachesItsExpiryThenInvalidGrant() { // RFC 6749 §4.1.2: expires_at is exclusive
        codes.save(code(CONFIDENTIAL, Optional.empty()));
        clock.advance(Duration.ofSeconds(60));

        OAuthError error = refusal(confidential(CODE, REDIRECT, null));

        assertEquals(INVALID_CODE, error);
    }

    @Test
    void issueWhenCodeOneSecondBeforeExpiryThenTokens() { // RFC 6749 §4.1.2
        codes.save(code(CONFIDENTIAL, Optional.empty()));
        clock.advance(Duration.ofSeconds(59));

        TokenResponse response = issueToken.issue(confidential(CODE, REDIRECT, null));

        assertTrue(signed.containsKey(response.accessToken().value()));
    }

    @Test
    void issueWhenCodeIssuedToAnotherClientThenInvalidGrant() { // RFC 6749 §4.1.3
        codes.save(code(PUBLIC, Optional.of(s256(VERIFIER))));

        OAuthError error = refusal(confidential(CODE, REDIRECT, VERIFIER));

        assertEquals(INVALID_CODE, error);
    }

    @Test
    void issueWhenCodeTriedByAnotherClientThenSpentForItsOwnerToo() { // RFC 6749 §4.1.2: single use
        codes.save(code(PUBLIC, Optional.of(s256(VERIFIER))));
        refusal(confidential(CODE, REDIRECT, VERIFIER));

        OAuthError error = refusal(publicClient(CODE, REDIRECT, VERIFIER));

        assertEquals(INVALID_CODE, error);
    }

    @Test
    void issueWhenRedirectUriDiffersThenInvalidGrant() { // RFC 6749 §4.1.3
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        OAuthError error = refusal(confidential(CODE, "https://client.example.com/other", null));

        assertEquals(REDIRECT_URI_MISMATCH, error);
    }

    @Test
    void issueWhenRedirectUriDiffersOnlyByTrailingSlashThenInvalidGrant() { // RFC 9700 §4.1.3: exact match
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        OAuthError error = refusal(confidential(CODE, REDIRECT + "/", null));

        assertEquals(REDIRECT_URI_MISMATCH, error);
    }

    @Test
    void issueWhenRedirectUriMissingThenInvalidGrant() { // RFC 6749 §4.1.3: required when it was in the request
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        OAuthError error = refusal(confidential(CODE, null, null));

        assertEquals(REDIRECT_URI_MISMATCH, error);
    }

    @Test
    void issueWhenVerifierMissingThenInvalidGrant() { // RFC 7636 §4.5
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));

        OAuthError error = refusal(confidential(CODE, REDIRECT, null));

        assertEquals(VERIFIER_MISSING, error);
    }

    @Test
    void issueWhenVerifierWrongThenInvalidGrant() { // RFC 7636 §4.6
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));

        OAuthError error = refusal(confidential(CODE, REDIRECT, VERIFIER.replace('d', 'e')));

        assertEquals(VERIFIER_MISMATCH, error);
    }

    @Test
    void issueWhenVerifierIsTheChallengeItselfThenInvalidGrant() { // RFC 7636 §4.6: S256 is not plain
        CodeChallenge challenge = s256(VERIFIER);
        codes.save(code(CONFIDENTIAL, Optional.of(challenge)));

        OAuthError error = refusal(confidential(CODE, REDIRECT, challenge.value()));

        assertEquals(VERIFIER_MISMATCH, error);
    }

    @Test
    void issueWhenPublicClientVerifierWrongThenInvalidGrant() { // RFC 7636 §4.6
        codes.save(code(PUBLIC, Optional.of(s256(VERIFIER))));

        OAuthError error = refusal(publicClient(CODE, REDIRECT, "x".repeat(43)));

        assertEquals(VERIFIER_MISMATCH, error);
    }

    @Test
    void issueWhenVerifierSentWithoutChallengeThenInvalidGrant() { // RFC 9700 §2.1.1: PKCE downgrade
        codes.save(code(CONFIDENTIAL, Optional.empty()));

        OAuthError error = refusal(confidential(CODE, REDIRECT, VERIFIER));

        assertEquals(VERIFIER_UNEXPECTED, error);
    }

    @Test
    void issueWhenPublicClientCodeHasNoChallengeThenInvalidGrant() { // OAuth 2.1 §7.5.1, RFC 9700 §2.1.1
        codes.save(code(PUBLIC, Optional.empty()));

        OAuthError error = refusal(publicClient(CODE, REDIRECT, null));

        assertEquals(PKCE_REQUIRED, error);
    }

    @Test
    void issueWhenCodeReplayedThenInvalidGrant() { // RFC 6749 §4.1.2
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));
        issueToken.issue(confidential(CODE, REDIRECT, VERIFIER));

        OAuthError error = refusal(confidential(CODE, REDIRECT, VERIFIER));

        assertEquals(INVALID_CODE, error);
    }

    @Test
    void issueWhenCodeReplayedThenRefreshFamilyRevoked() { // RFC 6749 §4.1.2, RFC 9700 §4.14.2
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));
        String refresh = issueToken.issue(confidential(CODE, REDIRECT, VERIFIER)).refreshToken().orElseThrow().value();

        refusal(confidential(CODE, REDIRECT, VERIFIER));

        assertTrue(refreshTokens.findByHash(TokenHash.of(refresh)).orElseThrow().revoked());
    }

    @Test
    void issueWhenCodeReplayedThenFirstAccessTokenDenyListed() { // RFC 6749 §4.1.2, DESIGN.md "Storage"
        codes.save(code(CONFIDENTIAL, Optional.of(s256(VERIFIER))));
        TokenResponse first = issueToken.issue(confidential(CODE, REDIRECT, VERIFIER));
        String jti = (String) signed.get(first.accessToken().value()).get("jti");

        refusal(confidential(CODE, REDIRECT, VERIFIER));

        assertTrue(revokedAccessTokens.isRevoked(jti));
    }

    @Test
    void issueWhenCodeReplayedByAnotherClientThenTokensRevokedToo() { // RFC 6749 §4.1.2
        codes.save(code(PUBLIC, Optional.of(s256(VERIFIER))));
        TokenResponse first = issueToken.issue(publicClient(CODE, REDIRECT, VERIFIER));
        String jti = (String) signed.get(first.accessToken().value()).get("jti");

        refusal(confidential(CODE, REDIRECT, VERIFIER));

        assertTrue(revokedAccessTokens.isRevoked(jti));
        assertTrue(refreshTokens.findByHash(TokenHash.of(first.refreshToken().orElseThrow().value())).orElseThrow()
                .revoked());
    }

    @Test
    void issueWhenCodeReplayedThenOtherGrantsKeepTheirTokens() { // RFC 6749 §4.1.2: only what the code produced
        String otherCode = "another-code-value-issued-to-the-same-client";
        codes.save(code(CONFIDENTIAL, Optional.empty()));
        codes.save(new AuthorizationCode(TokenHash.of(otherCode), new ClientId(CONFIDENTIAL), TestClients.REDIRECT_URI,
                ScopeSet.of("read"), new Subject("user-1"), AUTH_TIME, Optional.empty(), Optional.empty(), "grant-2",
                NOW, NOW.plusSeconds(60)));
        issueToken.issue(confidential(CODE, REDIRECT, null));
        TokenResponse other = issueToken.issue(confidential(otherCode, REDIRECT, null));

        refusal(confidential(CODE, REDIRECT, null));

        assertFalse(refreshTokens.findByHash(TokenHash.of(other.refreshToken().orElseThrow().value())).orElseThrow()
                .revoked());
        assertFalse(revokedAccessTokens.isRevoked((String) signed.get(other.accessToken().value()).get("jti")));
    }

    @Test
    void issueWhenSixteenThreadsRedeemOneCodeThenExactlyOneSucceeds() { // RFC 6749 §4.1.2
        codes.save(code(PUBLIC, Optional.of(s256(VERIFIER))));

        List<Optional<OAuthError>> outcomes = Race.run(16, index -> {
            try {
                issueToken.issue(publicClient(CODE, REDIRECT, VERIFIER));
                return Optional.<OAuthError>empty();
            } catch (OAuthException refused) {
                return Optional.of(refused.error());
            }
        });

        assertEquals(1, outcomes.stream().filter(Optional::isEmpty).count());
        assertEquals(15, outcomes.stream().filter(outcome -> outcome.equals(Optional.of(INVALID_CODE))).count());
    }

    private void register(ClientBuilder builder) {
        ClientBuilder draft = builder;
        if (draft.build().authenticationMethod().usesSecret()) {
            draft = draft.secret(hasher.hash(TestServers.SECRET));
        }
        clients.save(draft.build());
    }

    private OAuthError refusal(TokenEndpointRequest request) {
        return assertThrows(OAuthException.class, () -> issueToken.issue(request)).error();
    }

    /** A code for {@code clientId}, user {@code user-1}, scope {@code openid offline_access read}, valid 60 seconds. */
    private static AuthorizationCode code(String clientId, Optional<CodeChallenge> challenge) {
        return new AuthorizationCode(TokenHash.of(CODE), new ClientId(clientId), TestClients.REDIRECT_URI,
                ScopeSet.of("openid", "offline_access", "read"), new Subject("user-1"), AUTH_TIME, challenge, Optional.empty(), GRANT_ID,
                NOW, NOW.plusSeconds(60));
    }

    private static TokenEndpointRequest confidential(String code, String redirectUri, String verifier) {
        return TestServers.request(new ClientCredentials.SecretBasic(new ClientId(CONFIDENTIAL), TestServers.SECRET),
                parameters(code, redirectUri, verifier));
    }

    private static TokenEndpointRequest publicClient(String code, String redirectUri, String verifier) {
        return TestServers.request(new ClientCredentials.PublicClient(new ClientId(PUBLIC)),
                parameters(code, redirectUri, verifier));
    }

    /** The token request's name, value pairs; a null value leaves the parameter out. */
    private static String[] parameters(String code, String redirectUri, String verifier) {
        List<String> pairs = new ArrayList<>(List.of("grant_type", "authorization_code"));
        if (code != null) {
            pairs.addAll(List.of("code", code));
        }
        if (redirectUri != null) {
            pairs.addAll(List.of("redirect_uri", redirectUri));
        }
        if (verifier != null) {
            pairs.addAll(List.of("code_verifier", verifier));
        }
        return pairs.toArray(String[]::new);
    }

    /** RFC 7636 §4.2: {@code BASE64URL(SHA256(ASCII(code_verifier)))}. */
    private static CodeChallenge s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new CodeChallenge(CodeChallengeMethod.S256, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
