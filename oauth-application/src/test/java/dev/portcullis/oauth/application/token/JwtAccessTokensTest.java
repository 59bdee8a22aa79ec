package dev.portcullis.oauth.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtAccessTokensTest {

    private static final String CLIENT = "confidential-client";
    private static final long IAT = TestServers.NOW.getEpochSecond();

    private final TestServers fixture = TestServers.withGrants(GrantType.CLIENT_CREDENTIALS)
            .client(TestClients.confidential(CLIENT));

    @Test
    void issueWhenClientCredentialsThenExactlyTheRfc9068Claims() throws ParseException { // RFC 9068 §2.2
        AuthorizationServer server = fixture.build();

        JWSObject jwt = issue(server, "grant_type", "client_credentials", "scope", "read");

        String jti = ((TokenIssued) fixture.events().get(0)).tokenId();
        assertEquals(Map.of(
                "iss", "https://as.example.com",
                "sub", CLIENT,
                "aud", "https://as.example.com",
                "client_id", CLIENT,
                "iat", IAT,
                "exp", IAT + 300,
                "jti", jti,
                "scope", "read"), jwt.getPayload().toJSONObject());
    }

    @Test
    void issueWhenClientHasOwnAccessTokenLifetimeThenExpIsIatPlusIt() throws ParseException { // RFC 9068 §2.2
        fixture.client(TestClients.confidential("short-lived")
                .lifetimes(TokenLifetimes.DEFAULTS.withAccessToken(Duration.ofSeconds(120))));
        AuthorizationServer server = fixture.build();

        TokenResponse response = server.issueToken().issue(
                TestServers.basic("short-lived", "grant_type", "client_credentials"));

        Map<String, Object> claims = JWSObject.parse(response.accessToken().value()).getPayload().toJSONObject();
        assertEquals(IAT + 120, claims.get("exp"));
        assertEquals(Duration.ofSeconds(120), response.expiresIn());
    }

    @Test
    void issueWhenScopeGrantedIsEmptyThenNoScopeClaim() throws ParseException { // RFC 9068 §2.2.3
        fixture.client(TestClients.confidential("no-scopes").scopes(ScopeSet.EMPTY));
        AuthorizationServer server = fixture.build();

        JWSObject jwt = issueFor(server, "no-scopes");

        assertFalse(jwt.getPayload().toJSONObject().containsKey("scope"));
    }

    @Test
    void issueWhenTokenIssuedThenHeaderIsAtJwtWithKid() throws ParseException { // RFC 9068 §2.1
        AuthorizationServer server = fixture.build();

        JWSObject jwt = issue(server, "grant_type", "client_credentials");

        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.getHeader().getKeyID() != null && !jwt.getHeader().getKeyID().isEmpty());
    }

    @Test
    void issueWhenTokenIssuedThenSignatureVerifiesAgainstPublishedJwks() throws Exception { // RFC 9068 §4
        AuthorizationServer server = fixture.build();

        JWSObject jwt = issue(server, "grant_type", "client_credentials");

        JWKSet jwks = JWKSet.parse(server.publishKeys().jwks());
        assertTrue(jwt.verify(new RSASSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())));
    }

    @Test
    void issueWhenTokenIssuedThenTokenIssuedEventWithItsJti() throws ParseException {
        AuthorizationServer server = fixture.build();

        JWSObject jwt = issue(server, "grant_type", "client_credentials", "scope", "read");

        List<OAuthEvent> events = fixture.events();
        assertEquals(List.of(new TokenIssued(TestServers.NOW, new ClientId(CLIENT), CLIENT, GrantType.CLIENT_CREDENTIALS,
                ScopeSet.of("read"), (String) jwt.getPayload().toJSONObject().get("jti"))), events);
    }

    @Test
    void issueWhenTwoTokensIssuedThenDifferentJtis() throws ParseException { // RFC 9068 §2.2, RFC 7519 §4.1.7
        AuthorizationServer server = fixture.build();

        Object first = issue(server, "grant_type", "client_credentials").getPayload().toJSONObject().get("jti");
        Object second = issue(server, "grant_type", "client_credentials").getPayload().toJSONObject().get("jti");

        assertFalse(first.equals(second));
    }

    @Test
    void issueWhenClientChoseEs256ThenSignedWithEs256() throws ParseException { // RFC 7591 §2, OIDC Registration §2
        fixture.settings(new ServerSettings(TestServers.ISSUER, "https://api.example.com", SigningAlgorithm.RS256,
                        EnumSet.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256)))
                .client(TestClients.confidential("ec-client").accessTokenSigningAlgorithm(SigningAlgorithm.ES256));
        AuthorizationServer server = fixture.build();

        JWSObject jwt = issueFor(server, "ec-client");

        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
    }

    @Test
    void issueWhenAudienceConfiguredThenAudClaimIsIt() throws ParseException { // RFC 9068 §3
        fixture.settings(new ServerSettings(TestServers.ISSUER, "https://api.example.com", SigningAlgorithm.RS256,
                EnumSet.of(SigningAlgorithm.RS256)));
        AuthorizationServer server = fixture.build();

        JWSObject jwt = issue(server, "grant_type", "client_credentials");

        assertEquals("https://api.example.com", jwt.getPayload().toJSONObject().get("aud"));
    }

    @Test
    void accessTokenOnlyWhenGrantNamesOtherClientThenIllegalArgument() {
        Client client = TestClients.confidential(CLIENT).build();
        JwtAccessTokens tokens = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER),
                (algorithm, type, claims) -> "header.payload.signature",
                new SecureRandomTokenValueGenerator(new SecureRandom()), EventPublisher.none(), TestServers.CLOCK);
        TokenIssuer issuer = tokens.issuerFor(client);
        AccessGrant other = AccessGrant.forClient(new ClientId("other-client"), ScopeSet.EMPTY);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> issuer.accessTokenOnly(other));

        assertEquals("a handler may mint only for the authenticated client", thrown.getMessage());
    }

    /** Issues for {@link #CLIENT} with {@code parameters}. */
    private static JWSObject issue(AuthorizationServer server, String... parameters) throws ParseException {
        TokenResponse response = server.issueToken().issue(TestServers.basic(CLIENT, parameters));
        return JWSObject.parse(response.accessToken().value());
    }

    /** Issues for {@code clientId} with the client_credentials grant. */
    private static JWSObject issueFor(AuthorizationServer server, String clientId) throws ParseException {
        TokenResponse response = server.issueToken().issue(
                TestServers.basic(clientId, "grant_type", "client_credentials"));
        return JWSObject.parse(response.accessToken().value());
    }
}
