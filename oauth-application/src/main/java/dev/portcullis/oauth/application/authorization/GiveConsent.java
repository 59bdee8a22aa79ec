package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.port.EventPublisher;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent page, {@code GET} and {@code POST /consent}: shows the client and the requested scopes
 * to the signed-in user, and records Allow (remembered per user and client, as the union of
 * everything allowed) or Deny ({@code access_denied}, RFC 6749 §4.1.2.1). Only the browser session
 * that signed in for the request may answer it, in the browser that started the request. Thread-safe.
 */
public final class GiveConsent {

    private static final Logger LOG = LoggerFactory.getLogger(GiveConsent.class);

    static final OAuthError ACCESS_DENIED = new OAuthError(StandardErrorCode.ACCESS_DENIED,
            "The user denied the request.");

    private final AuthorizationFlow flow;
    private final EventPublisher events;

    /**
     * @param flow   the authorization flow this page is a step of
     * @param events where a consent given is reported (the audit trail)
     */
    public GiveConsent(AuthorizationFlow flow, EventPublisher events) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * The consent form of the pending request {@code requestId}.
     *
     * @param sessionCookie the session cookie value the browser sent; the empty string when none
     * @param flowCookie    the flow cookie value the browser sent; the empty string when none
     * @return a {@link AuthorizationStep.ConsentPage}; {@link AuthorizationStep.BrowserMismatch} when
     *         another browser started the request; or an {@link AuthorizationStep.ErrorPage} when the
     *         request is unknown, expired, not signed in, or signed in by another session
     */
    public AuthorizationStep page(String requestId, String sessionCookie, String flowCookie) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(sessionCookie, "sessionCookie");
        Objects.requireNonNull(flowCookie, "flowCookie");
        Optional<PendingAuthorization> pending = flow.activePending(requestId);
        if (pending.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST);
        }
        Optional<AuthorizationStep> refused = FormChecks.refusePage(pending.get(), flowCookie)
                .or(() -> checkSession(pending.get(), sessionCookie));
        if (refused.isPresent()) {
            LOG.debug("consent page refused: {}", refused.get());
            return refused.get();
        }
        Optional<Client> client = flow.client(pending.get().request().clientId());
        if (client.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_CLIENT);
        }
        return new AuthorizationStep.ConsentPage(requestId, pending.get().csrfToken(), client.get().name(),
                flow.describe(pending.get().request()), pending.get().request().uiLocales(),
                flow.claimsBeyondScopes(pending.get().request()));
    }

    /**
     * Records the user's answer.
     *
     * @return {@link AuthorizationStep.BrowserMismatch} as for {@link #page};
     *         {@link AuthorizationStep.CsrfRejected} for a wrong CSRF token; an error page as for
     *         {@link #page}; the {@code access_denied} redirect on Deny; the code redirect on Allow
     */
    public AuthorizationStep decide(ConsentDecision decision) {
        Objects.requireNonNull(decision, "decision");
        Optional<PendingAuthorization> found = flow.activePending(decision.requestId());
        if (found.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST);
        }
        PendingAuthorization pending = found.get();
        Optional<AuthorizationStep> refused = FormChecks.refuseForm(pending, decision.flowCookie().orElse(""),
                decision.csrfToken()).or(() -> checkSession(pending, decision.sessionCookie().orElse("")));
        if (refused.isPresent()) {
            LOG.debug("consent refused: {}", refused.get());
            return refused.get();
        }
        Optional<Client> client = flow.client(pending.request().clientId());
        if (client.isEmpty()) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_CLIENT);
        }
        Authentication user = pending.authentication().orElseThrow();
        AuthorizationStep step = flow.inUnit(() -> answer(decision, pending, client.get(), user));
        if (step instanceof AuthorizationStep.ErrorPage || !decision.allow()) {
            return step;
        }
        LOG.debug("consent given: client_id={}", client.get().id());
        events.publish(new ConsentChanged(flow.now(), client.get().id(), user.subject().value(), true,
                pending.request().scope(), Optional.empty()));
        return step;
    }

    /**
     * Takes the pending request and, on Allow, remembers the consent and issues the code: one unit
     * of work, so that a failure on the way leaves the request pending and the user may submit again.
     */
    private AuthorizationStep answer(ConsentDecision decision, PendingAuthorization pending, Client client,
                                     Authentication user) {
        if (!flow.takePending(pending)) {
            return new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST);
        }
        if (!decision.allow()) {
            LOG.debug("consent denied: client_id={}", client.id());
            return flow.responses().error(pending.request(), ACCESS_DENIED);
        }
        flow.rememberConsent(pending.request(), user);
        return flow.complete(pending.request(), client, user);
    }

    private Optional<AuthorizationStep> checkSession(PendingAuthorization pending, String sessionCookie) {
        if (pending.authentication().isEmpty()) {
            return Optional.of(new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST));
        }
        String expected = pending.authentication().get().sessionIdHash();
        boolean same = !sessionCookie.isEmpty() && TokenHash.of(sessionCookie).equals(expected)
                && flow.activeSession(sessionCookie).isPresent();
        return same ? Optional.empty() : Optional.of(new AuthorizationStep.ErrorPage(AuthorizationFlow.SESSION_MISMATCH));
    }
}
