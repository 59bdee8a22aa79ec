package dev.portcullis.oauth.domain.event;

import java.time.Instant;

/**
 * A fact the protocol core reports: something was issued, refused or changed. Events carry
 * identifiers only, never secrets or token values. Together they are the audit trail: every token
 * issued, refreshed or revoked, every sign-in, every consent given or revoked, every change to a
 * client, a scope or a signing key, every bulk revocation of a user's or a client's tokens.
 */
public sealed interface OAuthEvent
        permits TokenIssued, TokenRevoked, SignInAttempted, ConsentChanged, ClientChanged, SigningKeyChanged,
        ScopeChanged, TokensRevoked {

    /** When it happened. */
    Instant at();
}
