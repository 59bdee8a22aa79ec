package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.database.ClaimsColumns;
import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Converts between {@link AuthorizationCode} and {@link AuthorizationCodeEntity}. Stateless. */
final class AuthorizationCodeEntityMapper {

    private AuthorizationCodeEntityMapper() {
    }

    /** A new, unredeemed row for {@code code}; times are kept to the microsecond, as both databases store them. */
    static AuthorizationCodeEntity toEntity(AuthorizationCode code) {
        AuthorizationCodeEntity entity = new AuthorizationCodeEntity(code.codeHash());
        entity.clientId = code.clientId().value();
        entity.redirectUri = code.redirectUri().toString();
        entity.scope = ScopeColumn.toColumn(code.scope());
        entity.subject = code.subject().value();
        entity.authTime = micros(code.authTime());
        entity.codeChallenge = code.codeChallenge().map(CodeChallenge::value).orElse(null);
        entity.codeChallengeMethod = code.codeChallenge().map(challenge -> challenge.method().value()).orElse(null);
        entity.nonce = code.nonce().orElse(null);
        entity.sessionId = code.sessionId().orElse(null);
        entity.claimsUserinfo = ClaimsColumns.toColumn(code.claims().userinfo());
        entity.claimsIdToken = ClaimsColumns.toColumn(code.claims().idToken());
        entity.resource = code.resource().map(URI::toString).orElse(null);
        entity.grantId = code.grantId();
        entity.issuedAt = micros(code.issuedAt());
        entity.expiresAt = micros(code.expiresAt());
        return entity;
    }

    /**
     * The code a row holds.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static AuthorizationCode toDomain(AuthorizationCodeEntity entity) {
        try {
            return new AuthorizationCode(entity.codeHash, new ClientId(entity.clientId), URI.create(entity.redirectUri),
                    ScopeColumn.fromColumn(entity.scope, "authorization code"), new Subject(entity.subject),
                    entity.authTime, challenge(entity), Optional.ofNullable(entity.nonce),
                    Optional.ofNullable(entity.sessionId), entity.grantId,
                    entity.issuedAt, entity.expiresAt,
                    ClaimsColumns.fromColumns(entity.claimsUserinfo, entity.claimsIdToken),
                    Optional.ofNullable(entity.resource).map(URI::create));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored authorization code is not valid", e);
        }
    }

    /** What a redemption that changed nothing found: the row was redeemed before, or it expired. */
    static Redemption notRedeemedNow(AuthorizationCodeEntity entity) {
        if (entity.redeemedAt == null) {
            return new Redemption.Unknown();
        }
        return new Redemption.AlreadyRedeemed(toDomain(entity), Optional.ofNullable(entity.accessTokenId),
                Optional.ofNullable(entity.accessTokenExpiresAt));
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Optional<CodeChallenge> challenge(AuthorizationCodeEntity entity) {
        if (entity.codeChallenge == null) {
            return Optional.empty();
        }
        CodeChallengeMethod method = CodeChallengeMethod.fromValue(entity.codeChallengeMethod)
                .orElseThrow(() -> new IllegalStateException("a stored authorization code has an unknown code_challenge_method"));
        return Optional.of(new CodeChallenge(method, entity.codeChallenge));
    }
}
