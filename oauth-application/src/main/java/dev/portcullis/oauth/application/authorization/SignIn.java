package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.application.authorization.AuthorizationStep.LoginProblem;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import dev.portcullis.oauth.domain.event.SignInAttempted;
import dev.portcullis.oauth.domain.port.EventPublisher;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login page, {@code GET} and {@code POST /login}: shows the form of a pending request and
 * checks the password through the {@link IdentityBackend}. Failed attempts are limited per username
 * and per client address ({@link LoginLimits}); a wrong username and a wrong password get the same
 * answer. Thread-safe.
 */
public final class SignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    private final AuthorizationFlow flow;
    private final IdentityBackend identities;
    private final FailureCounter perUsername;
    private final FailureCounter perAddress;
    private final EventPublisher events;

    /**
     * @param flow       the authorization flow this page is a step of
     * @param identities checks passwords
     * @param limits     how many failed attempts are allowed per username and per address
     * @param events     where each checked sign-in, accepted or refused, is reported (the audit trail)
     */
    public SignIn(AuthorizationFlow flow, IdentityBackend identities, LoginLimits limits, EventPublisher events) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.events = Objects.requireNonNull(events, "events");
        this.identities = Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(limits, "limits");
        this.perUsername = new FailureCounter(flow.clock(), limits.perUsername(), limits.window());
        this.perAddress = new FailureCounter(flow.clock(), limits.perAddress(), limits.window());
    }

    /**
     * The login form of the pending request {@code requestId}.
     *
     * @param flowCookie the flow cookie value the browser sent; the empty string when none
     * @return a {@link AuthorizationStep.LoginPage} prefilled with the {@code login_hint}; an
     *         {@link AuthorizationStep.ErrorPage} when the request is unknown or expired; or
     *         {@link AuthorizationStep.BrowserMismatch} when another browser started the request
     */
    public AuthorizationStep page(String requestId, String flowCookie) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(flowCookie, "flowCookie");
        Optional<PendingAuthorization> pending = flow.activePending(requestId);
        if (pending.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST);
        }
        Optional<AuthorizationStep> refused = FormChecks.refusePage(pending.get(), flowCookie);
        if (refused.isPresent()) {
            LOG.debug("login page refused: {}", refused.get());
            return refused.get();
        }
        Optional<Client> client = flow.client(pending.get().request().clientId());
        if (client.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_CLIENT);
        }
        return form(requestId, pending.get(), client.get(), pending.get().request().loginHint(), Optional.empty());
    }

    /**
     * Checks a submitted login form.
     *
     * @return {@link AuthorizationStep.BrowserMismatch} without the flow cookie of the browser that
     *         started the request (RFC 9700 §4.4.1.8, login CSRF); {@link AuthorizationStep.CsrfRejected}
     *         for a wrong CSRF token; the form again with
     *         {@link LoginProblem#INVALID_CREDENTIALS}, {@link LoginProblem#THROTTLED} or
     *         {@link LoginProblem#UNAVAILABLE} (the identity backend is down: nothing issued); or
     *         {@link AuthorizationStep.SignedIn} with the new session and the consent page or the code
     */
    public AuthorizationStep signIn(LoginAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Optional<PendingAuthorization> found = flow.activePending(attempt.requestId());
        if (found.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST);
        }
        PendingAuthorization pending = found.get();
        Optional<AuthorizationStep> refused = FormChecks.refuseForm(pending, attempt.flowCookie().orElse(""),
                attempt.csrfToken());
        if (refused.isPresent()) {
            LOG.debug("login refused: {}", refused.get());
            return refused.get();
        }
        Optional<Client> client = flow.client(pending.request().clientId());
        if (client.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_CLIENT);
        }
        Optional<String> typed = Optional.of(attempt.username()).filter(Username::isValid);
        String usernameKey = typed.map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
        if (perUsername.isExhausted(usernameKey)
                || attempt.clientAddress().map(perAddress::isExhausted).orElse(false)) {
            LOG.warn("login throttled: client_id={}", client.get().id());
            return form(attempt.requestId(), pending, client.get(), typed, Optional.of(LoginProblem.THROTTLED));
        }
        Optional<UserClaims> user;
        try {
            user = verify(typed, attempt.password());
        } catch (ServiceUnavailableException e) {
            LOG.warn("login failed: {}", e.getMessage());
            return form(attempt.requestId(), pending, client.get(), typed, Optional.of(LoginProblem.UNAVAILABLE));
        }
        if (user.isEmpty()) {
            perUsername.record(usernameKey);
            attempt.clientAddress().ifPresent(perAddress::record);
            LOG.debug("login refused: invalid credentials, client_id={}", client.get().id());
            events.publish(new SignInAttempted(flow.now(), client.get().id(), Optional.empty(), false));
            return form(attempt.requestId(), pending, client.get(), typed, Optional.of(LoginProblem.INVALID_CREDENTIALS));
        }
        perUsername.clear(usernameKey);
        Instant now = flow.now();
        // One unit of work: the session, the pending request taken or updated, and the code hold
        // together, so that a failure on the way leaves the request pending for another try.
        AuthorizationStep step = flow.inUnit(() -> {
            NewBrowserSession session = flow.startSession(new AuthorizationFlow.Authenticated(user.get().subject(), now));
            Authentication authentication = new Authentication(user.get().subject(), now,
                    TokenHash.of(session.cookieValue()));
            return new AuthorizationStep.SignedIn(session,
                    flow.afterSignIn(attempt.requestId(), pending.authenticatedAs(authentication), client.get()));
        });
        LOG.debug("user signed in: client_id={}", client.get().id());
        events.publish(new SignInAttempted(now, client.get().id(), Optional.of(user.get().subject().value()), true));
        return step;
    }

    private Optional<UserClaims> verify(Optional<String> username, String password) {
        if (username.isEmpty() || password.isEmpty() || password.length() > Password.MAX_LENGTH) {
            return Optional.empty();
        }
        return identities.verifyPassword(new Username(username.get()), new Password(password));
    }

    private static AuthorizationStep form(String requestId, PendingAuthorization pending, Client client,
                                          Optional<String> username, Optional<LoginProblem> problem) {
        return new AuthorizationStep.LoginPage(requestId, pending.csrfToken(), client.name(), username, problem,
                pending.request().uiLocales());
    }
}
