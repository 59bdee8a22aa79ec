package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.application.authorization.AuthorizationRequestValidator.Validated;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.session.BrowserSession;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization endpoint, {@code GET} and {@code POST /authorize} (RFC 6749 §4.1.1, OIDC Core
 * §3.1.2): validates the request, then sends the browser to the login page, the consent page, or
 * straight back to the client with a code when a session and a remembered consent suffice.
 * Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 */
public final class Authorize {

    private static final Logger LOG = LoggerFactory.getLogger(Authorize.class);

    static final OAuthError LOGIN_REQUIRED = new OAuthError(StandardErrorCode.LOGIN_REQUIRED, "The user must sign in.");
    static final OAuthError CONSENT_REQUIRED = new OAuthError(StandardErrorCode.CONSENT_REQUIRED,
            "The user must consent to the request.");

    private final AuthorizationFlow flow;
    private final AuthorizationRequestValidator validator;

    public Authorize(AuthorizationFlow flow) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.validator = new AuthorizationRequestValidator(flow.clients(), flow.responses(), flow.resources());
    }

    /**
     * Serves one authorization request.
     *
     * @return an {@link AuthorizationStep.ErrorPage} when the client or redirect URI is missing,
     *         unknown or mismatched (never a redirect then); an error {@link AuthorizationStep.Redirect}
     *         for any other invalid request, or for {@code prompt=none} when the user must sign in
     *         ({@code login_required}) or consent ({@code consent_required}); an
     *         {@link AuthorizationStep.Interaction} to the login or consent page, inside a
     *         {@link AuthorizationStep.FlowStarted} when the browser sent no usable flow cookie; or the
     *         code redirect
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when a store cannot answer
     */
    public AuthorizationStep authorize(AuthorizationEndpointRequest request) {
        Objects.requireNonNull(request, "request");
        Validated validated = validator.validate(request.parameters());
        if (validated instanceof Validated.Rejected rejected) {
            LOG.debug("authorization request refused: {}", rejected.step());
            return rejected.step();
        }
        Validated.Accepted accepted = (Validated.Accepted) validated;
        AuthorizationRequest valid = accepted.request();
        Client client = accepted.client();
        Optional<BrowserSession> session = request.sessionCookie().flatMap(flow::activeSession)
                .filter(active -> !mustSignInAgain(valid, active));
        if (session.isEmpty()) {
            // OIDC Core §3.1.2.1: prompt=none must not show the login page.
            if (valid.prompt().contains(Prompt.NONE)) {
                return flow.responses().error(valid, LOGIN_REQUIRED);
            }
            return interaction(AuthorizationStep.Page.LOGIN, valid, Optional.empty(), request.flowCookie());
        }
        Authentication user = new Authentication(session.get().subject(), session.get().authTime(), session.get().idHash());
        if (flow.needsConsent(valid, client, user)) {
            if (valid.prompt().contains(Prompt.NONE)) {
                return flow.responses().error(valid, CONSENT_REQUIRED);
            }
            return interaction(AuthorizationStep.Page.CONSENT, valid, Optional.of(user), request.flowCookie());
        }
        LOG.debug("authorization completed from the session: client_id={}", client.id());
        return flow.complete(valid, client, user);
    }

    /**
     * Saves the pending request bound to the browser's flow cookie, and sends the browser to {@code page}.
     * RFC 9700 §4.4.1.8: only the browser that started the request may continue it, so that another
     * site cannot post the attacker's credentials from the victim's browser (login CSRF). A cookie the
     * browser already holds is reused, so that requests in several tabs do not displace each other.
     */
    private AuthorizationStep interaction(AuthorizationStep.Page page, AuthorizationRequest valid,
                                          Optional<Authentication> user, Optional<String> sentFlowCookie) {
        Optional<String> reused = sentFlowCookie.filter(FormChecks::isFlowCookie);
        String flowCookie = reused.orElseGet(flow::newFlowCookie);
        AuthorizationStep next = new AuthorizationStep.Interaction(page, flow.savePending(valid, user, flowCookie));
        return reused.isPresent() ? next : new AuthorizationStep.FlowStarted(flowCookie, next);
    }

    // OIDC Core §3.1.2.1: prompt=login asks again; max_age bounds the age of the authentication.
    // §5.5.1: a claims request naming another sub must not be answered from this user's session.
    private boolean mustSignInAgain(AuthorizationRequest request, BrowserSession session) {
        if (request.prompt().contains(Prompt.LOGIN)) {
            return true;
        }
        if (request.claims().requiredSubject().filter(sub -> !sub.equals(session.subject().value())).isPresent()) {
            return true;
        }
        return request.maxAge().map(maxAge -> session.authTime().plus(maxAge).isBefore(flow.now())).orElse(false);
    }
}
