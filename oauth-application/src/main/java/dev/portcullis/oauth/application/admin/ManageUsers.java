package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.scope.ScopeSet;
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
 * revocation, and the revocation of every refresh token of a user or of a client. Revoking a
 * consent also revokes the refresh tokens that user gave that client, so that the client's access
 * ends with its next refresh. JWT access tokens already issued are not stored and run until they
 * expire (the client's access token lifetime). Thread-safe.
 */
public final class ManageUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ManageUsers.class);

    private final ConsentRepository consents;
    private final RefreshTokenRepository refreshTokens;

    private final EventPublisher events;
    private final Clock clock;

    /**
     * @param consents      the remembered consents
     * @param refreshTokens revoked with a consent, a user or a client
     * @param events        where a revoked consent is reported (the audit trail)
     * @param clock         the time of each change
     */
    public ManageUsers(ConsentRepository consents, RefreshTokenRepository refreshTokens, EventPublisher events,
                       Clock clock) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The consents of {@code subject}, by client id. */
    public List<Consent> consents(Subject subject) {
        return consents.findBySubject(subject).stream()
                .sorted(Comparator.comparing(consent -> consent.clientId().value())).toList();
    }

    /**
     * Forgets the consent {@code subject} gave {@code clientId} and revokes the refresh tokens of
     * that pair; the next authorization request of the client asks the user again.
     *
     * @return how many refresh tokens were revoked; empty when there was no such consent
     */
    public Optional<Integer> revokeConsent(ClientId admin, Subject subject, ClientId clientId) {
        if (!consents.delete(subject, clientId)) {
            return Optional.empty();
        }
        int revoked = refreshTokens.revokeSubject(subject, Optional.of(clientId));
        LOG.debug("consent revoked: client_id={} refresh_tokens_revoked={}", clientId, revoked);
        events.publish(new ConsentChanged(Instant.now(clock), clientId, subject.value(), false, ScopeSet.EMPTY,
                Optional.of(admin)));
        return Optional.of(revoked);
    }

    /** Revokes every refresh token of {@code subject}, at every client; returns how many. */
    public int revokeTokensOfUser(ClientId admin, Subject subject) {
        int revoked = refreshTokens.revokeSubject(subject, Optional.empty());
        LOG.info("audit: tokens of user revoked sub={} refresh_tokens_revoked={} by admin_client_id={}",
                subject, revoked, admin);
        return revoked;
    }

    /** Revokes every refresh token issued to {@code clientId}; returns how many. */
    public int revokeTokensOfClient(ClientId admin, ClientId clientId) {
        int revoked = refreshTokens.revokeClient(clientId);
        LOG.info("audit: tokens of client revoked client_id={} refresh_tokens_revoked={} by admin_client_id={}",
                clientId, revoked, admin);
        return revoked;
    }
}
