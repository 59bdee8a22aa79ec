package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.IssuedTokens;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.application.token.TokenIssuer;
import dev.portcullis.oauth.application.token.UserGrant;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grant contexts for handler tests, as the core would hand them over: the client authenticated with
 * its registered method, real JWT minting with a stub signature, and a record of what was minted.
 */
public final class TestGrantContexts {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private TestGrantContexts() {
    }

    /** A client_credentials context for a request without a {@code scope} parameter. */
    public static Recording of(Client client) {
        return new Recording(client, Optional.empty());
    }

    /** A client_credentials context for a request whose {@code scope} parameter is {@code scope} (well-formed). */
    public static Recording of(Client client, String scope) {
        return new Recording(client, Optional.of(ScopeSet.parse(scope).orElseThrow()));
    }

    /** A grant context that records the grants its token issuer minted. */
    public static final class Recording implements GrantContext {

        private final TokenRequest request;
        private final AuthenticatedClient client;
        private final TokenIssuer tokens;
        private final List<AccessGrant> minted = new ArrayList<>();

        private Recording(Client registration, Optional<ScopeSet> scope) {
            this.request = new TokenRequest(GrantType.CLIENT_CREDENTIALS, scope, Map.of());
            this.client = new AuthenticatedClient(registration, registration.authenticationMethod());
            JwtAccessTokens jwt = new JwtAccessTokens(ServerSettings.of(URI.create("https://as.example.com")),
                    (algorithm, type, claims) -> "eyJhbGciOiJub25lIn0.e30.c2ln",
                    new SecureRandomTokenValueGenerator(new SecureRandom()), EventPublisher.none(), CLOCK);
            TokenIssuer issuer = jwt.issuerFor(registration);
            this.tokens = new TokenIssuer() {
                @Override
                public TokenResponse accessTokenOnly(AccessGrant grant) {
                    minted.add(grant);
                    return issuer.accessTokenOnly(grant);
                }

                @Override
                public IssuedTokens forUser(UserGrant grant) {
                    minted.add(grant.accessGrant());
                    return issuer.forUser(grant);
                }
            };
        }

        @Override
        public TokenRequest request() {
            return request;
        }

        @Override
        public AuthenticatedClient client() {
            return client;
        }

        @Override
        public TokenIssuer tokens() {
            return tokens;
        }

        @Override
        public ScopePolicy scopes() {
            return new ScopePolicy();
        }

        /** What was minted through {@link #tokens()}, in order. */
        public List<AccessGrant> minted() {
            return minted;
        }
    }
}
