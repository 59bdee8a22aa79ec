package dev.portcullis.oauth.domain.authorization;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of redeeming an authorization code: it is single use (RFC 6749 §4.1.2).
 */
public sealed interface Redemption {

    /** This call redeemed the code: the caller may issue tokens for it. */
    record Redeemed(AuthorizationCode code) implements Redemption {
        public Redeemed {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The code was redeemed before: the caller must refuse and revoke what the code produced.
     *
     * @param code                 the code
     * @param accessTokenId        the {@code jti} of the access token issued for it, if recorded
     * @param accessTokenExpiresAt when that access token expires, if recorded
     */
    record AlreadyRedeemed(AuthorizationCode code, Optional<String> accessTokenId,
                           Optional<Instant> accessTokenExpiresAt) implements Redemption {
        public AlreadyRedeemed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(accessTokenId, "accessTokenId");
            Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        }
    }

    /** No such code, or it has expired. */
    record Unknown() implements Redemption {
    }
}
