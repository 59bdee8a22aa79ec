package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.TokenSigner;
import dev.portcullis.oauth.domain.port.TokenValueGenerator;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Mints RFC 9068 JWT access tokens. Nothing is stored: a JWT access token is verified from JWKS.
 * Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2">RFC 9068 §2</a>
 */
public final class JwtAccessTokens {

    /** RFC 9068 §2.1: the {@code typ} header of a JWT access token. */
    public static final String TYPE = "at+jwt";

    private final ServerSettings settings;
    private final String issuer;
    private final TokenSigner signer;
    private final TokenValueGenerator values;
    private final EventPublisher events;
    private final Clock clock;

    public JwtAccessTokens(ServerSettings settings, TokenSigner signer, TokenValueGenerator values,
                           EventPublisher events, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.issuer = settings.issuer().toString();
        this.signer = Objects.requireNonNull(signer, "signer");
        this.values = Objects.requireNonNull(values, "values");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An issuer bound to {@code client}, for one request. */
    public TokenIssuer issuerFor(Client client) {
        Objects.requireNonNull(client, "client");
        return grant -> {
            if (!grant.clientId().equals(client.id())) {
                throw new IllegalArgumentException("a handler may mint only for the authenticated client");
            }
            return mint(client, grant);
        };
    }

    private TokenResponse mint(Client client, AccessGrant grant) {
        Instant now = Instant.now(clock);
        Duration lifetime = client.lifetimes().accessToken();
        String jti = values.identifier();
        long iat = now.getEpochSecond();
        // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti are REQUIRED; scope per §2.2.3.
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", grant.subject());
        claims.put("aud", settings.accessTokenAudience());
        claims.put("client_id", client.id().value());
        claims.put("iat", iat);
        claims.put("exp", iat + lifetime.toSeconds());
        claims.put("jti", jti);
        if (!grant.scope().isEmpty()) {
            claims.put("scope", grant.scope().toParameter());
        }
        SigningAlgorithm algorithm = client.accessTokenSigningAlgorithm().orElse(settings.signingAlgorithm());
        TokenValue token = new TokenValue(signer.sign(algorithm, TYPE, claims));
        events.publish(new TokenIssued(now, client.id(), grant.subject(), grant.grantType(), grant.scope(), jti));
        return new TokenResponse(token, TokenResponse.BEARER, lifetime, grant.scope(), Optional.empty());
    }
}
