package dev.portcullis.oauth.domain.error;

/**
 * An OAuth error code as it appears in the {@code error} parameter: a standard code or an
 * extension code of a custom grant.
 */
public sealed interface ErrorCode permits StandardErrorCode, ExtensionErrorCode {

    /** The code as sent on the wire, e.g. {@code invalid_grant}. */
    String value();
}
