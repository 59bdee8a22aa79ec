package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;

/**
 * The OAuth error that stands for a bare HTTP error status, for refusals made by Jersey rather than
 * by a use case: {@code invalid_request} with a fixed sentence for 4xx, {@code server_error} otherwise.
 */
final class StatusErrors {

    /** The description of every {@code server_error}: the client learns nothing of the fault. */
    static final OAuthError SERVER_ERROR = new OAuthError(StandardErrorCode.SERVER_ERROR,
            "The server encountered an unexpected error.");

    private StatusErrors() {
    }

    /** Whether {@code status} is a client error (4xx). */
    static boolean isClientError(int status) {
        return status >= 400 && status < 500;
    }

    /** The error for {@code status}. */
    static OAuthError forStatus(int status) {
        if (!isClientError(status)) {
            return SERVER_ERROR;
        }
        return new OAuthError(StandardErrorCode.INVALID_REQUEST, switch (status) {
            case 404 -> "No endpoint exists at this path.";
            case 405 -> "The HTTP method is not allowed at this endpoint.";
            case 406 -> "The endpoint cannot produce an acceptable media type.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request content type is not supported.";
            default -> "The request is not valid.";
        });
    }
}
