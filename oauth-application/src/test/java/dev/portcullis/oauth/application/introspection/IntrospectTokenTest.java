package dev.portcullis.oauth.application.introspection;

import static dev.portcullis.oauth.application.introspection.TokenManagementFixture.ORDERS;
import static dev.portcullis.oauth.application.introspection.TokenManagementFixture.PAYMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrospectTokenTest {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final TokenManagementFixture fixture = new TokenManagementFixture();

    @Test
    void introspectWhenOwnJwtAccessTokenThenActiveWithStandardFields() { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");
        Map<String, Object> claims = TokenManagementFixture.claims(token);

        Introspection answer = fixture.introspect("billing", token.accessToken().value());

        assertEquals(List.of("active", "scope", "client_id", "token_type", "exp", "iat", "sub", "aud", "iss", "jti"),
                List.copyOf(answer.response().keySet()));
        assertEquals(true, answer.response().get("active"));
        assertEquals("orders:read", answer.response().get("scope"));
        assertEquals("billing", answer.response().get("client_id"));
        assertEquals("Bearer", answer.response().get("token_type"));
        assertEquals(TestServers.NOW.getEpochSecond() + 300, answer.response().get("exp"));
        assertEquals(TestServers.NOW.getEpochSecond(), answer.response().get("iat"));
        assertEquals("billing", answer.response().get("sub"));
        assertEquals(ORDERS.toString(), answer.response().get("aud"));
        assertEquals("https://as.example.com", answer.response().get("iss"));
        assertEquals(claims.get("jti"), answer.response().get("jti"));
    }

    @Test
    void introspectWhenTokenReachesTwoResourcesThenAudIsBoth() { // RFC 9068 §3
        TokenResponse token = fixture.clientToken("billing");

        Introspection answer = fixture.introspect("billing", token.accessToken().value());

        assertEquals(List.of(ORDERS.toString(), PAYMENTS.toString()), answer.response().get("aud"));
    }

    @Test
    void introspectWhenCallerIntrospectsForTheAudienceThenActive() {
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");

        Introspection answer = fixture.introspect("orders-api", token.accessToken().value());

        assertTrue(answer.active());
        assertEquals("billing", answer.response().get("client_id"));
    }

    @Test
    void introspectWhenCallerIntrospectsForAnotherResourceThenInactive() { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");

        Introspection answer = fixture.introspect("payments-api", token.accessToken().value());

        assertEquals(INACTIVE, answer.response());
    }

    @Test
    void introspectWhenTokenNarrowedByResourceThenOtherResourceServerSeesInactive() { // RFC 8707 §2
        TokenResponse token = fixture.clientToken("billing", "resource", PAYMENTS.toString());

        assertEquals(INACTIVE, fixture.introspect("orders-api", token.accessToken().value()).response());
        assertTrue(fixture.introspect("payments-api", token.accessToken().value()).active());
    }

    @Test
    void introspectWhenAnotherClientsTokenThenInactive() { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing");

        Introspection answer = fixture.introspect("stranger", token.accessToken().value());

        assertEquals(INACTIVE, answer.response());
    }

    @Test
    void introspectWhenExpiredThenInactive() { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing");
        fixture.clock.advance(Duration.ofSeconds(300));

        Introspection answer = fixture.introspect("billing", token.accessToken().value());

        assertEquals(INACTIVE, answer.response());
    }

    @Test
    void introspectWhenSameJwtAgainAfterExpiryThenInactive() { // RFC 7662 §2.2: a cached token still expires
        TokenResponse token = fixture.clientToken("billing");
        assertTrue(fixture.introspect("billing", token.accessToken().value()).active());
        fixture.clock.advance(Duration.ofSeconds(300));

        Introspection answer = fixture.introspect("billing", token.accessToken().value());

        assertEquals(INACTIVE, answer.response());
    }

    @Test
    void introspectWhenSameJwtAgainAfterRevocationThenInactive() { // RFC 7009 §2: the deny list is asked each time
        TokenResponse token = fixture.clientToken("billing");
        assertTrue(fixture.introspect("billing", token.accessToken().value()).active());
        fixture.revoke("billing", token.accessToken().value());

        Introspection answer = fixture.introspect("billing", token.accessToken().value());

        assertEquals(INACTIVE, answer.response());
    }

    @Test
    void introspectWhenSameJwtByAnotherCallerThenVisibilityCheckedAgain() { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");
        assertTrue(fixture.introspect("billing", token.accessToken().value()).active());

        Introspection answer = fixture.introspect("payments-api", token.accessToken().value());

        assertEquals(INACTIVE, answer.response());
    }

    @Test
    void introspectWhenOneSecondBeforeExpiryThenActive() {
        TokenResponse token = fixture.clientToken("billing");
        fixture.clock.advance(Duration.ofSeconds(299));

        assertTrue(fixture.introspect("billing", token.accessToken().value()).active());
    }

    @Test
    void introspectWhenJtiDenyListedThenInactive() { // RFC 7009 §2
        TokenResponse token = fixture.clientToken("billing");
        fixture.servers.revokedAccessTokens().revoke((String) TokenManagementFixture.claims(token).get("jti"),
                TestServers.NOW.plusSeconds(300));

        assertEquals(INACTIVE, fixture.introspect("billing", token.accessToken().value()).response());
    }

    @Test
    void introspectWhenMalformedThenInactive() {
        assertEquals(INACTIVE, fixture.introspect("billing", "not a token").response());
        assertEquals(INACTIVE, fixture.introspect("billing", "eyJ.eyJ.sig").response());
    }

    @Test
    void introspectWhenSignedByAKeyWeDoNotHaveThenInactive() throws Exception { // RFC 9068 §4
        TokenResponse token = fixture.clientToken("billing");
        SignedJWT ours = SignedJWT.parse(token.accessToken().value());
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(ours.getHeader().getKeyID()).generate();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), new Payload(ours.getPayload().toJSONObject()));
        forged.sign(new RSASSASigner(foreign));

        assertEquals(INACTIVE, fixture.introspect("billing", forged.serialize()).response());
    }

    @Test
    void introspectWhenOwnOpaqueTokenThenActiveWithStandardFields() { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing-opaque", "scope", "payments:read");

        Introspection answer = fixture.introspect("billing-opaque", token.accessToken().value());

        assertFalse(token.accessToken().value().contains("."));
        assertTrue(answer.active());
        assertEquals("payments:read", answer.response().get("scope"));
        assertEquals("billing-opaque", answer.response().get("client_id"));
        assertEquals("Bearer", answer.response().get("token_type"));
        assertEquals(PAYMENTS.toString(), answer.response().get("aud"));
        assertEquals(TestServers.NOW.getEpochSecond() + 300, answer.response().get("exp"));
    }

    @Test
    void introspectWhenOpaqueTokenForTheCallersResourceThenActive() {
        TokenResponse token = fixture.clientToken("billing-opaque", "scope", "payments:read");

        assertTrue(fixture.introspect("payments-api", token.accessToken().value()).active());
        assertEquals(INACTIVE, fixture.introspect("orders-api", token.accessToken().value()).response());
    }

    @Test
    void introspectWhenOpaqueTokenExpiredThenInactive() {
        TokenResponse token = fixture.clientToken("billing-opaque");
        fixture.clock.advance(Duration.ofSeconds(300));

        assertEquals(INACTIVE, fixture.introspect("billing-opaque", token.accessToken().value()).response());
    }

    @Test
    void introspectWhenOpaqueTokenRevokedThenInactive() {
        TokenResponse token = fixture.clientToken("billing-opaque");
        fixture.revoke("billing-opaque", token.accessToken().value());

        assertEquals(INACTIVE, fixture.introspect("billing-opaque", token.accessToken().value()).response());
    }

    @Test
    void introspectWhenOpaqueTokenStoredOnlyAsHashThenUnknownValueIsInactive() {
        TokenResponse token = fixture.clientToken("billing-opaque");
        String almost = token.accessToken().value().substring(1) + "A";

        assertEquals(INACTIVE, fixture.introspect("billing-opaque", almost).response());
    }

    @Test
    void introspectWhenOwnRefreshTokenThenActiveWithoutTokenType() { // RFC 7662 §2.2
        TokenResponse tokens = fixture.userTokens("billing", "scope", "orders:read");

        Introspection answer = fixture.introspect("billing", tokens.refreshToken().orElseThrow().value(),
                "token_type_hint", "refresh_token");

        assertEquals(List.of("active", "scope", "client_id", "exp", "iat", "sub", "iss"),
                List.copyOf(answer.response().keySet()));
        assertEquals("alice", answer.response().get("sub"));
        assertEquals("orders:read", answer.response().get("scope"));
    }

    @Test
    void introspectWhenRefreshTokenWithAccessTokenHintThenStillFound() { // RFC 7662 §2.1
        TokenResponse tokens = fixture.userTokens("billing");

        Introspection answer = fixture.introspect("billing", tokens.refreshToken().orElseThrow().value(),
                "token_type_hint", "access_token");

        assertTrue(answer.active());
    }

    @Test
    void introspectWhenAccessTokenWithRefreshHintThenStillFound() { // RFC 7662 §2.1
        TokenResponse tokens = fixture.userTokens("billing");

        assertTrue(fixture.introspect("billing", tokens.accessToken().value(), "token_type_hint", "refresh_token")
                .active());
    }

    @Test
    void introspectWhenUnknownHintThenIgnored() { // RFC 7009 §2.1
        TokenResponse tokens = fixture.userTokens("billing");

        assertTrue(fixture.introspect("billing", tokens.accessToken().value(), "token_type_hint", "id_token").active());
    }

    @Test
    void introspectWhenRefreshTokenOfAnotherClientThenInactive() {
        TokenResponse tokens = fixture.userTokens("billing");

        assertEquals(INACTIVE, fixture.introspect("stranger", tokens.refreshToken().orElseThrow().value()).response());
        assertEquals(INACTIVE, fixture.introspect("orders-api", tokens.refreshToken().orElseThrow().value()).response());
    }

    @Test
    void introspectWhenRefreshTokenUsedThenInactive() { // RFC 9700 §4.14.2: rotated away
        TokenResponse tokens = fixture.userTokens("billing");
        fixture.refresh("billing", tokens.refreshToken().orElseThrow().value());

        assertEquals(INACTIVE, fixture.introspect("billing", tokens.refreshToken().orElseThrow().value()).response());
    }

    @Test
    void introspectWhenUserTokenThenSubIsTheUser() {
        TokenResponse tokens = fixture.userTokens("billing-opaque");

        Introspection answer = fixture.introspect("billing-opaque", tokens.accessToken().value());

        assertEquals("alice", answer.response().get("sub"));
    }

    @Test
    void introspectWhenTokenMissingThenInvalidRequest() { // RFC 7662 §2.1
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.introspect(TestServers.basic("billing")));

        assertEquals(StandardErrorCode.INVALID_REQUEST, thrown.error().code());
        assertEquals("The token parameter is missing.", thrown.error().description());
    }

    @Test
    void introspectWhenTokenEmptyThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> fixture.introspect("billing", ""));

        assertEquals(StandardErrorCode.INVALID_REQUEST, thrown.error().code());
    }

    @Test
    void introspectWhenNoCredentialsThenInvalidClient() { // RFC 7662 §2.1
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.introspect(TestServers.anonymous("token", "x")));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
        assertEquals("Client authentication failed.", thrown.error().description());
    }

    @Test
    void introspectWhenWrongSecretThenInvalidClient() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> fixture.introspect(TestServers.request(
                new ClientCredentials.SecretBasic(new ClientId("billing"), new ClientSecret("wrong-secret-value")),
                "token", "x")));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
    }

    @Test
    void introspectWhenPublicClientThenInvalidClient() { // RFC 7662 §2.1: the endpoint requires authorization
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.introspect(TokenManagementFixture.publicRequest("token", "x")));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
        assertEquals("Client authentication failed.", thrown.error().description());
    }

    @Test
    void signedWhenActiveThenJwtForTheCallerWithTheResponseInside() throws Exception { // RFC 9701 §5
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");
        Introspection answer = fixture.introspect("orders-api", token.accessToken().value());

        SignedJWT jwt = SignedJWT.parse(fixture.server.introspectToken().orElseThrow().signed(answer));

        assertEquals(new JOSEObjectType("token-introspection+jwt"), jwt.getHeader().getType());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        RSAKey key = (RSAKey) JWKSet.parse(fixture.server.publishKeys().jwks()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        assertEquals("https://as.example.com", jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of("orders-api"), jwt.getJWTClaimsSet().getAudience());
        assertEquals(TestServers.NOW.getEpochSecond(), jwt.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond());
        Map<String, Object> inside = jwt.getJWTClaimsSet().getJSONObjectClaim("token_introspection");
        assertEquals(true, inside.get("active"));
        assertEquals("billing", inside.get("client_id"));
    }

    @Test
    void signedWhenInactiveThenOnlyActiveFalseInside() throws Exception { // RFC 9701 §5
        Introspection answer = fixture.introspect("billing", "unknown");

        SignedJWT jwt = SignedJWT.parse(fixture.server.introspectToken().orElseThrow().signed(answer));

        assertEquals(INACTIVE, jwt.getJWTClaimsSet().getJSONObjectClaim("token_introspection"));
    }
}
