package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.authorization.RedirectUriPolicy;
import dev.portcullis.oauth.domain.authorization.ResponseMode;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.StandardClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an authorization request in the order that keeps errors safe (RFC 6749 §4.1.2.1,
 * RFC 9700 §4.11.1): first the client and the redirect URI, whose failures are shown on the
 * server's own page; then everything else, whose failures go back to the verified redirect URI.
 * Stateless and thread-safe.
 */
final class AuthorizationRequestValidator {

    /** The parameters a repeat of which is refused (RFC 6749 §3.1); unknown ones are ignored. */
    private static final List<String> KNOWN = List.of("client_id", "redirect_uri", "response_type", "response_mode",
            "state", "scope", "code_challenge", "code_challenge_method", "prompt", "max_age", "nonce", "login_hint",
            "request", "request_uri", "ui_locales", "acr_values", "claims", "resource");

    static final int MAX_NONCE_LENGTH = 512;

    private final ClientRepository clients;
    private final RedirectUriPolicy redirectUris = new RedirectUriPolicy();
    private final ScopePolicy scopePolicy = new ScopePolicy();
    private final ErrorRedirects errors;
    private final ResourceIndicators resources;

    AuthorizationRequestValidator(ClientRepository clients, ErrorRedirects errors, ResourceIndicators resources) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** The outcome of {@link #validate}. */
    sealed interface Validated {
        /** Every check passed. */
        record Accepted(AuthorizationRequest request, Client client) implements Validated {
        }

        /** A check failed: show this page or redirect. */
        record Rejected(AuthorizationStep step) implements Validated {
        }
    }

    Validated validate(Map<String, List<String>> parameters) {
        String clientIdValue;
        String redirectUriValue;
        try {
            clientIdValue = single(parameters, "client_id").orElseThrow(() -> invalid("The client_id parameter is missing."));
            redirectUriValue = single(parameters, "redirect_uri")
                    .orElseThrow(() -> invalid("The redirect_uri parameter is missing."));
        } catch (OAuthException e) {
            return new Validated.Rejected(new AuthorizationStep.ErrorPage(e.error()));
        }
        Optional<Client> client = ClientId.isValid(clientIdValue)
                ? clients.findById(new ClientId(clientIdValue)) : Optional.empty();
        if (client.isEmpty()) {
            return page(StandardErrorCode.INVALID_CLIENT, "The client is not known.");
        }
        // RFC 9700 §4.1.3: exact matching; OAuth 2.1 §4.1.1: redirect_uri is always required.
        Optional<URI> redirectUri = redirectUris.match(client.get().redirectUris(), redirectUriValue);
        if (redirectUri.isEmpty()) {
            return page(StandardErrorCode.INVALID_REQUEST, "The redirect_uri does not match a URI registered for the client.");
        }
        return validateRest(parameters, client.get(), redirectUri.get());
    }

    private Validated validateRest(Map<String, List<String>> parameters, Client client, URI redirectUri) {
        // The state goes back with every error, when it was sent once.
        List<String> stateValues = parameters.getOrDefault("state", List.of());
        Optional<String> state = stateValues.size() == 1 ? Optional.of(stateValues.get(0)) : Optional.empty();
        Optional<ResponseMode> requestedMode = parameters.getOrDefault("response_mode", List.of()).size() == 1
                ? ResponseMode.fromValue(parameters.get("response_mode").get(0)) : Optional.empty();
        ResponseMode responseMode = requestedMode.orElse(ResponseMode.QUERY);
        try {
            requireNoRepeats(parameters);
            if (parameters.containsKey("response_mode") && requestedMode.isEmpty()) {
                throw invalid("The response_mode parameter is not supported.");
            }
            requireCodeFlow(parameters, client);
            // OIDC Core §6: request objects are not supported.
            if (parameters.containsKey("request")) {
                throw OAuthException.of(StandardErrorCode.REQUEST_NOT_SUPPORTED, "The request parameter is not supported.");
            }
            if (parameters.containsKey("request_uri")) {
                throw OAuthException.of(StandardErrorCode.REQUEST_URI_NOT_SUPPORTED,
                        "The request_uri parameter is not supported.");
            }
            ScopeSet scope = scope(parameters, client);
            Optional<CodeChallenge> challenge = codeChallenge(parameters, client);
            Set<Prompt> prompt = prompt(single(parameters, "prompt"));
            Optional<Duration> maxAge = maxAge(single(parameters, "max_age"));
            Optional<String> nonce = single(parameters, "nonce");
            if (nonce.isPresent() && nonce.get().length() > MAX_NONCE_LENGTH) {
                throw invalid("The nonce parameter is too long.");
            }
            Optional<String> loginHint = single(parameters, "login_hint").filter(Username::isValid);
            List<String> uiLocales = UiLocales.parse(single(parameters, "ui_locales"));
            List<String> acrValues = AcrValues.read(single(parameters, "acr_values"), client.id());
            ClaimsRequest claims = ClaimsParameter.parse(single(parameters, "claims"),
                    scope.contains(StandardClaims.OPENID));
            Optional<URI> resource = resource(single(parameters, "resource"), scope);
            return new Validated.Accepted(new AuthorizationRequest(client.id(), redirectUri, responseMode, state, scope,
                    challenge, nonce, prompt, maxAge, loginHint, uiLocales, acrValues, claims, resource), client);
        } catch (OAuthException e) {
            return new Validated.Rejected(errors.error(redirectUri, responseMode, state, e.error()));
        }
    }

    /**
     * RFC 8707 §2: an absolute URI without a fragment, naming a registered resource that the
     * requested scope reaches; {@code invalid_target} otherwise. Empty when not sent or empty.
     */
    private Optional<URI> resource(Optional<String> value, ScopeSet scope) {
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        URI resource = ResourceIndicators.parse(value.get());
        resources.audience(scope, Optional.of(resource));
        return Optional.of(resource);
    }

    private static void requireNoRepeats(Map<String, List<String>> parameters) {
        for (String name : KNOWN) {
            if (parameters.getOrDefault(name, List.of()).size() > 1) {
                throw invalid("The " + name + " parameter is repeated.");
            }
        }
    }

    private static void requireCodeFlow(Map<String, List<String>> parameters, Client client) {
        String responseType = single(parameters, "response_type")
                .orElseThrow(() -> invalid("The response_type parameter is missing."));
        if (!"code".equals(responseType)) {
            throw OAuthException.of(StandardErrorCode.UNSUPPORTED_RESPONSE_TYPE, "The response_type must be code.");
        }
        boolean codeResponseRegistered = client.responseTypes().isEmpty() || client.responseTypes().contains("code");
        if (!client.mayUse(GrantType.AUTHORIZATION_CODE) || !codeResponseRegistered) {
            throw new OAuthException(new OAuthError(StandardErrorCode.UNAUTHORIZED_CLIENT,
                    "The client is not allowed to use the authorization code grant."),
                    "client " + client.id() + " may not use authorization_code");
        }
    }

    private ScopeSet scope(Map<String, List<String>> parameters, Client client) {
        Optional<String> text = single(parameters, "scope");
        Optional<ScopeSet> requested = text.isEmpty() ? Optional.empty() : Optional.of(ScopeSet.parse(text.get())
                .orElseThrow(() -> OAuthException.of(StandardErrorCode.INVALID_SCOPE, "The scope parameter is malformed.")));
        // RFC 6749 §3.3: narrowed to the registration; the registration is the default.
        return scopePolicy.narrow(requested, client.scopes());
    }

    private static Optional<CodeChallenge> codeChallenge(Map<String, List<String>> parameters, Client client) {
        Optional<String> challenge = single(parameters, "code_challenge");
        Optional<String> methodValue = single(parameters, "code_challenge_method");
        if (challenge.isEmpty()) {
            if (methodValue.isPresent()) {
                throw invalid("The code_challenge_method parameter needs a code_challenge.");
            }
            // RFC 9700 §2.1.1, OAuth 2.1 §4.1.1: public clients MUST use PKCE.
            if (!client.isConfidential()) {
                throw invalid("The code_challenge parameter is required for public clients.");
            }
            return Optional.empty();
        }
        if (!CodeChallenge.isValidSyntax(challenge.get())) {
            throw invalid("The code_challenge parameter is malformed.");
        }
        // RFC 7636 §4.3: an absent method means plain.
        CodeChallengeMethod method = methodValue.isEmpty() ? CodeChallengeMethod.PLAIN
                : CodeChallengeMethod.fromValue(methodValue.get())
                        .orElseThrow(() -> invalid("The code_challenge_method parameter is not supported."));
        // RFC 9700 §2.1.1: S256; plain only for a client configured for it.
        if (method == CodeChallengeMethod.PLAIN && !client.pkcePlainAllowed()) {
            throw invalid("The code_challenge_method must be S256.");
        }
        return Optional.of(new CodeChallenge(method, challenge.get()));
    }

    private static Set<Prompt> prompt(Optional<String> text) {
        if (text.isEmpty()) {
            return Set.of();
        }
        Set<Prompt> prompts = EnumSet.noneOf(Prompt.class);
        for (String value : text.get().split(" ", -1)) {
            prompts.add(Prompt.fromValue(value)
                    .orElseThrow(() -> invalid("The prompt parameter has an unsupported value.")));
        }
        // OIDC Core §3.1.2.1: none with any other value is an error.
        if (prompts.contains(Prompt.NONE) && prompts.size() > 1) {
            throw invalid("The prompt value none must not be combined with other values.");
        }
        return prompts;
    }

    private static Optional<Duration> maxAge(Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("The max_age parameter must be a non-negative integer.");
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }

    /** The one value of {@code name}; empty when absent. A repeat is refused before this is used for it. */
    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw invalid("The " + name + " parameter is repeated.");
        }
        return values.stream().findFirst();
    }

    private static Validated page(StandardErrorCode code, String description) {
        return new Validated.Rejected(new AuthorizationStep.ErrorPage(new OAuthError(code, description)));
    }

    private static OAuthException invalid(String description) {
        return OAuthException.of(StandardErrorCode.INVALID_REQUEST, description);
    }
}
