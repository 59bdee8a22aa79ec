package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.ResponseMode;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1): every
 * value here has passed the checks of the authorization endpoint.
 *
 * @param clientId      the client
 * @param redirectUri   the {@code redirect_uri} as sent, matched against the registration
 * @param responseMode  how the response is returned
 * @param state         the {@code state}, returned unchanged
 * @param scope         the scope asked for, within the client's registration
 * @param codeChallenge the PKCE challenge; empty only for a confidential client that sent none
 * @param nonce         the OIDC {@code nonce}
 * @param prompt        the {@code prompt} values
 * @param maxAge        the OIDC {@code max_age}
 * @param loginHint     the {@code login_hint}, to prefill the username
 * @param uiLocales     the valid {@code ui_locales} tags in order of preference (at most five, invalid
 *                      ones dropped), for the language of the pages; empty when none
 * @param acrValues     the {@code acr_values} as sent, syntax-checked and recorded only: password sign-in
 *                      is the only method, so no {@code acr} claim is issued and {@code amr} says
 *                      {@code pwd} (OIDC Core §2, §3.1.2.1: the values are voluntary); empty when none
 * @param claims        the individual claims asked for with the {@code claims} parameter (OIDC Core §5.5)
 * @param resource      the {@code resource} (RFC 8707 §2): a registered resource server that the
 *                      requested scope reaches; the tokens of the grant are for it alone; empty when none
 */
public record AuthorizationRequest(ClientId clientId, URI redirectUri, ResponseMode responseMode, Optional<String> state,
                                   ScopeSet scope, Optional<CodeChallenge> codeChallenge, Optional<String> nonce,
                                   Set<Prompt> prompt, Optional<Duration> maxAge, Optional<String> loginHint,
                                   List<String> uiLocales, List<String> acrValues, ClaimsRequest claims,
                                   Optional<URI> resource) {

    public AuthorizationRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(responseMode, "responseMode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(nonce, "nonce");
        prompt = Set.copyOf(prompt);
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(loginHint, "loginHint");
        uiLocales = List.copyOf(uiLocales);
        acrValues = List.copyOf(acrValues);
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(resource, "resource");
    }

    /** A request without the {@code claims} and {@code resource} parameters. */
    public AuthorizationRequest(ClientId clientId, URI redirectUri, ResponseMode responseMode, Optional<String> state,
                                ScopeSet scope, Optional<CodeChallenge> codeChallenge, Optional<String> nonce,
                                Set<Prompt> prompt, Optional<Duration> maxAge, Optional<String> loginHint,
                                List<String> uiLocales, List<String> acrValues) {
        this(clientId, redirectUri, responseMode, state, scope, codeChallenge, nonce, prompt, maxAge, loginHint,
                uiLocales, acrValues, ClaimsRequest.NONE, Optional.empty());
    }
}
