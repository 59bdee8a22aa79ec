package dev.portcullis.oauth.application.introspection;

import dev.portcullis.oauth.application.userinfo.AccessTokenValidator;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a token of either kind from its value, trying the kind named by {@code token_type_hint}
 * first and then the other (RFC 7662 §2.1, RFC 7009 §2.1: "If the server is unable to locate the
 * token using the given hint, it MUST extend its search across all of its supported token types").
 * An unknown hint is ignored (RFC 7009 §2.1: the server MAY ignore it). Thread-safe.
 */
public final class TokenLookup {

    /** RFC 7009 §4.1.2: the registered hint values. */
    static final String ACCESS_TOKEN = "access_token";
    static final String REFRESH_TOKEN = "refresh_token";

    private final AccessTokenValidator accessTokens;
    private final Optional<RefreshTokenRepository> refreshTokens;

    /**
     * @param accessTokens  checks access tokens, JWT and opaque
     * @param refreshTokens the stored refresh tokens; empty when the server issues none
     */
    public TokenLookup(AccessTokenValidator accessTokens, Optional<RefreshTokenRepository> refreshTokens) {
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    }

    /**
     * The token {@code value} is, searched in the order {@code hint} suggests.
     *
     * @return a live access token, or a stored refresh token in any state; empty for anything else
     */
    public Optional<PresentedToken> find(TokenValue value, Optional<String> hint) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(hint, "hint");
        if (hint.filter(REFRESH_TOKEN::equals).isPresent()) {
            return refresh(value).or(() -> access(value));
        }
        return access(value).or(() -> refresh(value));
    }

    private Optional<PresentedToken> access(TokenValue value) {
        try {
            return Optional.of(new PresentedToken.Access(accessTokens.validate(value)));
        } catch (OAuthException notLive) {
            return Optional.empty();
        }
    }

    private Optional<PresentedToken> refresh(TokenValue value) {
        return refreshTokens.flatMap(repository -> repository.findByHash(TokenHash.of(value.value())))
                .map(PresentedToken.Refresh::new);
    }
}
