package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.database.ClaimsColumns;
import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.application.authorization.Authentication;
import dev.portcullis.oauth.application.authorization.AuthorizationRequest;
import dev.portcullis.oauth.application.authorization.PendingAuthorization;
import dev.portcullis.oauth.application.authorization.Prompt;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.authorization.ResponseMode;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Converts between {@link PendingAuthorization} and {@link PendingAuthorizationEntity}. Stateless. */
final class PendingAuthorizationEntityMapper {

    private PendingAuthorizationEntityMapper() {
    }

    /** Writes every field of {@code pending} but its id over {@code entity}; times to the microsecond. */
    static void copy(PendingAuthorization pending, PendingAuthorizationEntity entity) {
        AuthorizationRequest request = pending.request();
        entity.clientId = request.clientId().value();
        entity.redirectUri = request.redirectUri().toString();
        entity.responseMode = request.responseMode().value();
        entity.state = request.state().orElse(null);
        entity.scope = ScopeColumn.toColumn(request.scope());
        entity.codeChallenge = request.codeChallenge().map(CodeChallenge::value).orElse(null);
        entity.codeChallengeMethod = request.codeChallenge().map(c -> c.method().value()).orElse(null);
        entity.nonce = request.nonce().orElse(null);
        entity.prompt = join(request.prompt().stream().map(Prompt::value).sorted().toList());
        entity.maxAgeSeconds = request.maxAge().map(Duration::getSeconds).orElse(null);
        entity.loginHint = request.loginHint().orElse(null);
        entity.uiLocales = join(request.uiLocales());
        entity.acrValues = join(request.acrValues());
        entity.claimsUserinfo = ClaimsColumns.toColumn(request.claims().userinfo());
        entity.claimsIdToken = ClaimsColumns.toColumn(request.claims().idToken());
        entity.claimsSubject = request.claims().requiredSubject().orElse(null);
        entity.resource = request.resource().map(URI::toString).orElse(null);
        entity.csrfToken = pending.csrfToken();
        entity.flowBindingHash = pending.flowBindingHash();
        entity.subject = pending.authentication().map(a -> a.subject().value()).orElse(null);
        entity.authTime = pending.authentication().map(a -> micros(a.authTime())).orElse(null);
        entity.sessionIdHash = pending.authentication().map(Authentication::sessionIdHash).orElse(null);
        entity.expiresAt = micros(pending.expiresAt());
    }

    /**
     * The pending request a row holds.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static PendingAuthorization toDomain(PendingAuthorizationEntity entity) {
        try {
            ClaimsRequest stored = ClaimsColumns.fromColumns(entity.claimsUserinfo, entity.claimsIdToken);
            ClaimsRequest claims = new ClaimsRequest(stored.userinfo(), stored.idToken(),
                    Optional.ofNullable(entity.claimsSubject));
            AuthorizationRequest request = new AuthorizationRequest(new ClientId(entity.clientId),
                    URI.create(entity.redirectUri), responseMode(entity.responseMode), Optional.ofNullable(entity.state),
                    ScopeColumn.fromColumn(entity.scope, "pending authorization"), challenge(entity),
                    Optional.ofNullable(entity.nonce), prompts(entity.prompt),
                    Optional.ofNullable(entity.maxAgeSeconds).map(Duration::ofSeconds),
                    Optional.ofNullable(entity.loginHint), split(entity.uiLocales), split(entity.acrValues), claims,
                    Optional.ofNullable(entity.resource).map(URI::create));
            Optional<Authentication> authentication = entity.subject == null ? Optional.empty()
                    : Optional.of(new Authentication(new Subject(entity.subject), entity.authTime, entity.sessionIdHash));
            return new PendingAuthorization(entity.idHash, request, entity.csrfToken, entity.flowBindingHash,
                    authentication, entity.expiresAt);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("a stored pending authorization is not valid", e);
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String join(Collection<String> values) {
        return values.isEmpty() ? null : String.join(" ", values);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : List.of(joined.split(" "));
    }

    private static ResponseMode responseMode(String value) {
        return ResponseMode.fromValue(value)
                .orElseThrow(() -> new IllegalStateException("a stored pending authorization has an unknown response_mode"));
    }

    private static Set<Prompt> prompts(String joined) {
        Set<Prompt> prompts = EnumSet.noneOf(Prompt.class);
        for (String value : split(joined)) {
            prompts.add(Prompt.fromValue(value)
                    .orElseThrow(() -> new IllegalStateException("a stored pending authorization has an unknown prompt")));
        }
        return prompts;
    }

    private static Optional<CodeChallenge> challenge(PendingAuthorizationEntity entity) {
        if (entity.codeChallenge == null) {
            return Optional.empty();
        }
        CodeChallengeMethod method = CodeChallengeMethod.fromValue(entity.codeChallengeMethod).orElseThrow(
                () -> new IllegalStateException("a stored pending authorization has an unknown code_challenge_method"));
        return Optional.of(new CodeChallenge(method, entity.codeChallenge));
    }
}
