package dev.portcullis.oauth.application.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.key.NimbusTokenSigner;
import dev.portcullis.oauth.application.key.PrivateKeyCipher;
import dev.portcullis.oauth.application.key.SigningKeyGenerator;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.memory.InMemoryBrowserSessionRepository;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.session.BrowserSession;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndSessionTest {

    private static final URI ISSUER = URI.create("https://issuer.example");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final URI AFTER_LOGOUT = URI.create("https://client.example.com/signed-out?x=1");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SigningKeyRing RING = ring();
    private static final String COOKIE = "browser-session-cookie-value-0123456789";

    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final InMemoryBrowserSessionRepository sessions = new InMemoryBrowserSessionRepository();
    private final EndSession endSession;

    EndSessionTest() {
        clients.save(TestClients.confidential("web").postLogoutRedirectUris(List.of(AFTER_LOGOUT)).build());
        clients.save(TestClients.confidential("other").build());
        sessions.save(new BrowserSession(TokenHash.of(COOKIE), new Subject("user-1"), NOW, NOW.plusSeconds(3600)));
        endSession = new EndSession(ServerSettings.of(ISSUER), RING, clients, sessions,
                new SecureRandomTokenValueGenerator(RANDOM));
    }

    private static SigningKeyRing ring() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(MasterKey.generate(RANDOM), RANDOM);
        SigningKeyRing ring = new SigningKeyRing(new InMemorySigningKeyRepository(), cipher,
                new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(RANDOM), Clock.fixed(NOW, ZoneOffset.UTC)));
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.RS256));
        return ring;
    }

    /** The claims IdTokens writes, for client {@code web} in the session of {@link #COOKIE}. */
    private static Map<String, Object> idTokenClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER.toString());
        claims.put("sub", "user-1");
        claims.put("aud", List.of("web"));
        claims.put("exp", NOW.plusSeconds(300).getEpochSecond());
        claims.put("iat", NOW.getEpochSecond());
        claims.put("auth_time", NOW.getEpochSecond());
        claims.put("sid", BrowserSession.sidOf(TokenHash.of(COOKIE)));
        return claims;
    }

    private static String sign(Map<String, Object> claims) {
        return new NimbusTokenSigner(RING).sign(SigningAlgorithm.RS256, "JWT", claims);
    }

    private static LogoutRequest request(Map<String, String> parameters) {
        return new LogoutRequest(parameters, Optional.of(COOKIE), Optional.empty());
    }

    private static Map<String, String> withHint(String hint, String... more) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("id_token_hint", hint);
        for (int i = 0; i < more.length; i += 2) {
            parameters.put(more[i], more[i + 1]);
        }
        return parameters;
    }

    private void assertRefused(LogoutStep step, String description) {
        LogoutStep.ErrorPage error = assertInstanceOf(LogoutStep.ErrorPage.class, step);
        assertEquals(StandardErrorCode.INVALID_REQUEST, error.error().code());
        assertEquals(description, error.error().description());
        assertTrue(sessions.findByIdHash(TokenHash.of(COOKIE)).isPresent(), "session must survive a refused logout");
    }

    @Test
    void endSessionWhenHintValidThenSessionEndedAndRedirectWithState() { // RP-Initiated Logout §2, §3
        LogoutStep step = endSession.endSession(request(withHint(sign(idTokenClaims()),
                "post_logout_redirect_uri", AFTER_LOGOUT.toString(), "state", "a b&c")));

        assertEquals(new LogoutStep.SignedOut(Optional.of(URI.create(AFTER_LOGOUT + "&state=a+b%26c")), true), step);
        assertTrue(sessions.findByIdHash(TokenHash.of(COOKIE)).isEmpty());
    }

    @Test
    void endSessionWhenHintValidWithoutRedirectThenSignedOutPage() {
        LogoutStep step = endSession.endSession(request(withHint(sign(idTokenClaims()))));

        assertEquals(new LogoutStep.SignedOut(Optional.empty(), true), step);
    }

    @Test
    void endSessionWhenHintExpiredThenAccepted() { // RP-Initiated Logout §2: an expired hint is acceptable
        Map<String, Object> claims = idTokenClaims();
        claims.put("exp", NOW.minusSeconds(86_400).getEpochSecond());

        LogoutStep step = endSession.endSession(request(withHint(sign(claims))));

        assertEquals(new LogoutStep.SignedOut(Optional.empty(), true), step);
        assertTrue(sessions.findByIdHash(TokenHash.of(COOKIE)).isEmpty());
    }

    @Test
    void endSessionWhenHintSidIsAnotherSessionThenBrowserSessionStillEnded() {
        Map<String, Object> claims = idTokenClaims();
        claims.put("sid", "another-session-sid-00");

        LogoutStep step = endSession.endSession(request(withHint(sign(claims))));

        assertEquals(new LogoutStep.SignedOut(Optional.empty(), true), step);
        assertTrue(sessions.findByIdHash(TokenHash.of(COOKIE)).isEmpty());
    }

    @Test
    void endSessionWhenHintSignedByForeignKeyThenErrorPage() throws Exception { // RP-Initiated Logout §2
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(kid()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(foreign.getKeyID()).build(), JWTClaimsSet.parse(idTokenClaims()));
        forged.sign(new RSASSASigner(foreign));

        LogoutStep step = endSession.endSession(request(withHint(forged.serialize())));

        assertRefused(step, EndSession.INVALID_HINT);
    }

    @Test
    void endSessionWhenHintFromOtherIssuerThenErrorPage() {
        Map<String, Object> claims = idTokenClaims();
        claims.put("iss", "https://other.example");

        LogoutStep step = endSession.endSession(request(withHint(sign(claims))));

        assertRefused(step, EndSession.INVALID_HINT);
    }

    @Test
    void endSessionWhenHintIsAccessTokenThenErrorPage() { // OIDC Core §2: an ID token's typ is JWT
        String accessToken = new NimbusTokenSigner(RING).sign(SigningAlgorithm.RS256, "at+jwt", idTokenClaims());

        LogoutStep step = endSession.endSession(request(withHint(accessToken)));

        assertRefused(step, EndSession.INVALID_HINT);
    }

    @Test
    void endSessionWhenHintIsGarbageThenErrorPage() {
        LogoutStep step = endSession.endSession(request(withHint("not.a.jwt")));

        assertRefused(step, EndSession.INVALID_HINT);
    }

    @Test
    void endSessionWhenRedirectUriNotRegisteredThenErrorPageNotRedirect() { // RP-Initiated Logout §3
        LogoutStep step = endSession.endSession(request(withHint(sign(idTokenClaims()),
                "post_logout_redirect_uri", "https://client.example.com/signed-out?x=1&y=2")));

        assertRefused(step, EndSession.UNREGISTERED_URI);
    }

    @Test
    void endSessionWhenRedirectUriWithoutClientThenErrorPage() { // RP-Initiated Logout §3
        Map<String, String> parameters = Map.of("post_logout_redirect_uri", AFTER_LOGOUT.toString());

        LogoutStep step = endSession.endSession(request(parameters));

        assertRefused(step, EndSession.NO_CLIENT);
    }

    @Test
    void endSessionWhenClientIdNotInHintAudienceThenErrorPage() { // RP-Initiated Logout §2
        LogoutStep step = endSession.endSession(request(withHint(sign(idTokenClaims()), "client_id", "other")));

        assertRefused(step, EndSession.CLIENT_MISMATCH);
    }

    @Test
    void endSessionWhenClientIdUnknownThenErrorPage() {
        LogoutStep step = endSession.endSession(request(Map.of("client_id", "nobody")));

        assertRefused(step, EndSession.UNKNOWN_CLIENT);
    }

    @Test
    void endSessionWhenNoHintThenConfirmationRequired() { // RP-Initiated Logout §2
        LogoutStep step = endSession.endSession(request(Map.of("client_id", "web",
                "post_logout_redirect_uri", AFTER_LOGOUT.toString(), "state", "s1", "ui_locales", "de")));

        LogoutStep.Confirm confirm = assertInstanceOf(LogoutStep.Confirm.class, step);
        assertEquals(Map.of("client_id", "web", "post_logout_redirect_uri", AFTER_LOGOUT.toString(), "state", "s1"),
                confirm.parameters());
        assertTrue(confirm.csrfToken().length() >= 22);
        assertTrue(sessions.findByIdHash(TokenHash.of(COOKIE)).isPresent());
    }

    @Test
    void endSessionWhenConfirmedWithMatchingTokenThenSessionEnded() {
        LogoutRequest confirmed = new LogoutRequest(Map.of("client_id", "web", "post_logout_redirect_uri",
                AFTER_LOGOUT.toString(), "csrf_token", "token-1"), Optional.of(COOKIE), Optional.of("token-1"));

        LogoutStep step = endSession.endSession(confirmed);

        assertEquals(new LogoutStep.SignedOut(Optional.of(AFTER_LOGOUT), true), step);
        assertTrue(sessions.findByIdHash(TokenHash.of(COOKIE)).isEmpty());
    }

    @Test
    void endSessionWhenConfirmedWithoutCookieThenCsrfRejected() {
        LogoutRequest forged = new LogoutRequest(Map.of("csrf_token", "token-1"), Optional.of(COOKIE), Optional.empty());

        LogoutStep step = endSession.endSession(forged);

        assertEquals(new LogoutStep.CsrfRejected(), step);
        assertTrue(sessions.findByIdHash(TokenHash.of(COOKIE)).isPresent());
    }

    @Test
    void endSessionWhenConfirmedWithOtherTokenThenCsrfRejected() {
        LogoutRequest forged = new LogoutRequest(Map.of("csrf_token", "token-1"), Optional.of(COOKIE), Optional.of("token-2"));

        LogoutStep step = endSession.endSession(forged);

        assertEquals(new LogoutStep.CsrfRejected(), step);
    }

    @Test
    void endSessionWhenNoSessionThenSignedOutAnyway() { // idempotent
        LogoutRequest noSession = new LogoutRequest(withHint(sign(idTokenClaims())), Optional.empty(), Optional.empty());
        endSession.endSession(request(withHint(sign(idTokenClaims()))));

        LogoutStep again = endSession.endSession(request(withHint(sign(idTokenClaims()))));
        LogoutStep without = endSession.endSession(noSession);

        assertEquals(new LogoutStep.SignedOut(Optional.empty(), true), again);
        assertEquals(new LogoutStep.SignedOut(Optional.empty(), false), without);
    }

    @SuppressWarnings("unchecked")
    private static String kid() {
        List<Map<String, Object>> keys = (List<Map<String, Object>>) RING.publicJwks().get("keys");
        return (String) keys.get(0).get("kid");
    }

    @Test
    void requestToStringWhenPrintedThenHintAndCookiesRedacted() {
        String hint = sign(idTokenClaims());

        String printed = request(withHint(hint)).toString();

        assertTrue(!printed.contains(hint) && !printed.contains(COOKIE), printed);
    }
}
