package dev.portcullis.oauth.domain.event;

import java.time.Instant;

/**
 * A fact the protocol core reports: something was issued, refused or changed. Events carry
 * identifiers only, never secrets or token values.
 */
public sealed interface OAuthEvent permits TokenIssued {

    /** When it happened. */
    Instant at();
}
