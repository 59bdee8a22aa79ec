package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.event.TokensRevoked;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user granted, through the admin API: the consents remembered per client, their
 * revocation, and the revocation of every token of a user or of a client ({@link RevokeTokens}:
 * refresh token families, opaque access tokens, and the JWT access tokens of every grant through its
 * deny-list entry). Revoking a consent also revokes the tokens that user gave that client.
 * Thread-safe.
 */
public final class ManageUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ManageUsers.class);

    private final ConsentRepository consents;
    private final RevokeTokens revoke;

    private final EventPublisher events;
    private final Clock clock;

    /**
     * @param consents the remembered consents
     * @param revoke   revokes the tokens of a consent, a user or a client
     * @param events   where a revoked consent is reported (the audit trail)
     * @param clock    the time of each change
     */
    public ManageUsers(ConsentRepository consents, RevokeTokens revoke, EventPublisher events, Clock clock) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.revoke = Objects.requireNonNull(revoke, "revoke");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The consents of {@code subject}, by client id. */
    public List<Consent> consents(Subject subject) {
        return consents.findBySubject(subject).stream()
                .sorted(Comparator.comparing(consent -> consent.clientId().value())).toList();
    }

    /**
     * Forgets the consent {@code subject} gave {@code clientId} and revokes the tokens of that pair;
     * the next authorization request of the client asks the user again.
     *
     * @return what was revoked; empty when there was no such consent
     */
    public Optional<RevokeTokens.Revoked> revokeConsent(ClientId admin, Subject subject, ClientId clientId) {
        if (!consents.delete(subject, clientId)) {
            return Optional.empty();
        }
        RevokeTokens.Revoked revoked = revoke.ofUser(subject, Optional.of(clientId));
        LOG.debug("consent revoked: client_id={} grants_revoked={}", clientId, revoked.grants());
        events.publish(new ConsentChanged(Instant.now(clock), clientId, subject.value(), false, ScopeSet.EMPTY,
                Optional.of(admin)));
        return Optional.of(revoked);
    }

    /** Revokes every token of {@code subject}, at every client. */
    public RevokeTokens.Revoked revokeTokensOfUser(ClientId admin, Subject subject) {
        RevokeTokens.Revoked revoked = revoke.ofUser(subject, Optional.empty());
        events.publish(new TokensRevoked(Instant.now(clock), Optional.of(subject.value()), Optional.empty(),
                revoked.grants(), revoked.opaqueAccessTokens(), admin));
        return revoked;
    }

    /** Revokes every token issued to {@code clientId}. */
    public RevokeTokens.Revoked revokeTokensOfClient(ClientId admin, ClientId clientId) {
        RevokeTokens.Revoked revoked = revoke.ofClient(clientId);
        events.publish(new TokensRevoked(Instant.now(clock), Optional.empty(), Optional.of(clientId),
                revoked.grants(), revoked.opaqueAccessTokens(), admin));
        return revoked;
    }
}
