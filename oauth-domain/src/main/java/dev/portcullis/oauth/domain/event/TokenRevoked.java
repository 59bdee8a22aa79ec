package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client revoked one of its tokens (RFC 7009): an access token, or a refresh token and with it its
 * whole family.
 *
 * @param at        when
 * @param clientId  the client that revoked it, which is the client it was issued to
 * @param subject   its {@code sub}, when known
 * @param tokenType {@link #ACCESS_TOKEN} or {@link #REFRESH_TOKEN}
 * @param tokenId   the access token's {@code jti}, or the refresh token family's grant id
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1</a>
 */
public record TokenRevoked(Instant at, ClientId clientId, Optional<String> subject, String tokenType, String tokenId)
        implements OAuthEvent {

    /** The token type of a revoked access token (RFC 7009 §2.1 {@code token_type_hint} value). */
    public static final String ACCESS_TOKEN = "access_token";
    /** The token type of a revoked refresh token family. */
    public static final String REFRESH_TOKEN = "refresh_token";

    public TokenRevoked {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
