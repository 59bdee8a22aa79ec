package dev.portcullis.oauth.domain.event;

import java.time.Instant;

/**
 * A fact the protocol core reports: something was issued, refused or changed. Events carry
 * identifiers only, never secrets or token values. Together they are the audit trail: every token
 * issued, refreshed or revoked, every sign-in, every consent given or revoked, every change to a
 * client or a signing key.
 */
public sealed interface OAuthEvent
        permits TokenIssued, TokenRevoked, SignInAttempted, ConsentChanged, ClientChanged, SigningKeyChanged {

    /** When it happened. */
    Instant at();
}
