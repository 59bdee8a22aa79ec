package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.application.memory.InMemoryResourceServerRepository;
import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.TokenValueGenerator;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.session.BrowserSession;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.StandardClaims;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state shared by the authorization use cases ({@link Authorize}, {@link SignIn},
 * {@link GiveConsent}): the ports, the pending requests, sessions and code issuance. Thread-safe.
 */
public final class AuthorizationFlow {

    /** How long a pending request waits for the user. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    static final OAuthError UNKNOWN_REQUEST = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The sign-in request is unknown or has expired.");
    static final OAuthError UNKNOWN_CLIENT = new OAuthError(StandardErrorCode.INVALID_CLIENT, "The client is not known.");
    static final OAuthError OTHER_SUBJECT = new OAuthError(StandardErrorCode.ACCESS_DENIED,
            "The user who signed in is not the one the claims request names.");
    static final OAuthError SESSION_MISMATCH = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The browser session does not match the sign-in request.");

    private final ClientRepository clients;
    private final ScopeRepository scopes;
    private final ConsentRepository consents;
    private final AuthorizationCodeRepository codes;
    private final BrowserSessionRepository sessions;
    private final PendingAuthorizationStore pending;
    private final TokenValueGenerator values;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final ErrorRedirects responses;
    private final ResourceIndicators resources;
    private final UnitOfWork unitOfWork;

    /**
     * @param issuer          the issuer, sent as {@code iss} (RFC 9207)
     * @param sessionLifetime how long a browser session lasts after sign-in
     */
    public AuthorizationFlow(URI issuer, ClientRepository clients, ScopeRepository scopes, ConsentRepository consents,
                             AuthorizationCodeRepository codes, BrowserSessionRepository sessions,
                             PendingAuthorizationStore pending, TokenValueGenerator values, Clock clock,
                             Duration sessionLifetime) {
        this(issuer, clients, scopes, consents, codes, sessions, pending, values, clock, sessionLifetime,
                new ResourceIndicators(new InMemoryResourceServerRepository(), issuer.toString(), clock),
                new InMemoryUnitOfWork());
    }

    /**
     * @param issuer          the issuer, sent as {@code iss} (RFC 9207)
     * @param sessionLifetime how long a browser session lasts after sign-in
     * @param resources       the resource servers a {@code resource} parameter may name (RFC 8707 §2)
     * @param unitOfWork      the transactions of the repositories: a step that writes several rows
     *                        (a session, the pending request taken, a consent, a code) writes all or none
     */
    public AuthorizationFlow(URI issuer, ClientRepository clients, ScopeRepository scopes, ConsentRepository consents,
                             AuthorizationCodeRepository codes, BrowserSessionRepository sessions,
                             PendingAuthorizationStore pending, TokenValueGenerator values, Clock clock,
                             Duration sessionLifetime, ResourceIndicators resources, UnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.responses = new ErrorRedirects(issuer);
        this.clients = Objects.requireNonNull(clients, "clients");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.values = Objects.requireNonNull(values, "values");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionLifetime = Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    }

    ClientRepository clients() {
        return clients;
    }

    /** Runs {@code work} as one unit of work: its writes hold together or not at all. */
    <T> T inUnit(Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }

    ResourceIndicators resources() {
        return resources;
    }

    ErrorRedirects responses() {
        return responses;
    }

    Instant now() {
        return Instant.now(clock);
    }

    Clock clock() {
        return clock;
    }

    Optional<Client> client(ClientId id) {
        return clients.findById(id);
    }

    /** The active session whose cookie value is {@code cookieValue}. */
    Optional<BrowserSession> activeSession(String cookieValue) {
        Instant now = now();
        return sessions.findByIdHash(TokenHash.of(cookieValue)).filter(session -> session.isActiveAt(now));
    }

    /** Starts a session for the user who just signed in. */
    NewBrowserSession startSession(Authenticated user) {
        String value = values.tokenValue();
        Instant expiresAt = user.authTime().plus(sessionLifetime);
        sessions.save(new BrowserSession(TokenHash.of(value), user.subject(), user.authTime(), expiresAt));
        return new NewBrowserSession(value, expiresAt);
    }

    /**
     * Stores a new pending request bound to the browser's flow cookie; returns its id in clear.
     *
     * @param flowCookie the flow cookie value of the browser that starts the request
     */
    String savePending(AuthorizationRequest request, Optional<Authentication> authentication, String flowCookie) {
        String id = values.tokenValue();
        pending.save(new PendingAuthorization(TokenHash.of(id), request, values.tokenValue(), TokenHash.of(flowCookie),
                authentication, now().plus(PENDING_LIFETIME)));
        return id;
    }

    /** A new flow cookie value, 256 bits from the generator. */
    String newFlowCookie() {
        return values.tokenValue();
    }

    void updatePending(PendingAuthorization value) {
        pending.save(value);
    }

    /** The active pending request with id {@code requestId}. */
    Optional<PendingAuthorization> activePending(String requestId) {
        Instant now = now();
        return pending.find(TokenHash.of(requestId)).filter(value -> value.isActiveAt(now));
    }

    /** Takes the pending request out of the store: only one caller completes it. */
    boolean takePending(PendingAuthorization value) {
        return pending.remove(value.idHash()).isPresent();
    }

    /** Whether the user must see the consent page for {@code request}. */
    boolean needsConsent(AuthorizationRequest request, Client client, Authentication user) {
        if (request.prompt().contains(Prompt.CONSENT)) {
            return true;
        }
        if (client.firstParty()) {
            return false;
        }
        // OIDC Core §5.5: claims asked for one by one, beyond what the scopes release, are not
        // remembered with the consent: the user sees them, and agrees, each time.
        if (!claimsBeyondScopes(request).isEmpty()) {
            return true;
        }
        return consents.find(user.subject(), client.id()).map(consent -> !consent.covers(request.scope())).orElse(true);
    }

    /** The claims {@code request} asks for one by one that its scope does not release, sorted. */
    List<String> claimsBeyondScopes(AuthorizationRequest request) {
        Set<String> released = StandardClaims.claimsOf(request.scope());
        return request.claims().allNames().stream().filter(name -> !released.contains(name)).sorted().toList();
    }

    /** Remembers that the user allowed the requested scope, on top of what was allowed before. */
    void rememberConsent(AuthorizationRequest request, Authentication user) {
        Set<Scope> union = new LinkedHashSet<>();
        consents.find(user.subject(), request.clientId()).ifPresent(previous ->
                previous.scope().values().forEach(value -> union.add(new Scope(value))));
        request.scope().values().forEach(value -> union.add(new Scope(value)));
        consents.save(new Consent(user.subject(), request.clientId(), new ScopeSet(union),
                now()));
    }

    /** The definitions of the requested scopes, for the consent page; an undefined scope has an empty description. */
    List<ScopeDefinition> describe(AuthorizationRequest request) {
        return request.scope().values().stream()
                .map(value -> scopes.findByScope(new Scope(value)).orElse(new ScopeDefinition(new Scope(value), "")))
                .toList();
    }

    /**
     * Issues the code and builds the response (RFC 6749 §4.1.2): 256 bits from the generator,
     * stored as its hash only, bound to client, redirect URI, scope, user, auth_time and PKCE challenge,
     * with the OIDC {@code nonce} and the session's {@code sid} for the ID token (OIDC Core §2).
     */
    AuthorizationStep complete(AuthorizationRequest request, Client client, Authentication user) {
        String code = values.tokenValue();
        Instant now = now();
        codes.save(new AuthorizationCode(TokenHash.of(code), client.id(), request.redirectUri(), request.scope(),
                user.subject(), user.authTime(), request.codeChallenge(), request.nonce(),
                Optional.of(BrowserSession.sidOf(user.sessionIdHash())), values.identifier(), now,
                now.plus(client.lifetimes().authorizationCode()), request.claims(), request.resource()));
        return responses.code(request, code);
    }

    /** What a just signed-in user sees next, without a session cookie yet: the consent page or the code. */
    AuthorizationStep afterSignIn(String requestId, PendingAuthorization signedIn, Client client) {
        Authentication user = signedIn.authentication().orElseThrow();
        // OIDC Core §5.5.1: never answer for another user than the sub the claims request names.
        Optional<String> required = signedIn.request().claims().requiredSubject();
        if (required.isPresent() && !required.get().equals(user.subject().value())) {
            if (!takePending(signedIn)) {
                return new AuthorizationStep.ErrorPage(UNKNOWN_REQUEST);
            }
            return responses.error(signedIn.request(), OTHER_SUBJECT);
        }
        if (needsConsent(signedIn.request(), client, user)) {
            updatePending(signedIn);
            return new AuthorizationStep.Interaction(AuthorizationStep.Page.CONSENT, requestId);
        }
        if (!takePending(signedIn)) {
            return new AuthorizationStep.ErrorPage(UNKNOWN_REQUEST);
        }
        return complete(signedIn.request(), client, user);
    }

    /** A user who just entered a valid password. */
    record Authenticated(Subject subject, Instant authTime) {
    }
}
