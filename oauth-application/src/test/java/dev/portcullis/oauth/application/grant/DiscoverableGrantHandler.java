package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.Set;

/**
 * A grant handler listed in {@code grant-handler-discovery/META-INF/services} of the test
 * resources, for the {@code ServiceLoader} tests. Refuses every request.
 */
public final class DiscoverableGrantHandler implements GrantHandler {

    /** The grant type served. */
    public static final GrantType GRANT_TYPE = new GrantType("urn:example:params:grant-type:discovered");

    /** The no-argument constructor {@code ServiceLoader} needs. */
    public DiscoverableGrantHandler() {
    }

    @Override
    public GrantType grantType() {
        return GRANT_TYPE;
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public TokenResponse handle(GrantContext context) {
        throw OAuthException.of(StandardErrorCode.INVALID_GRANT, "The grant is not valid.");
    }
}
