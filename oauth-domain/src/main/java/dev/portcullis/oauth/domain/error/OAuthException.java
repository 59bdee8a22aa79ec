package dev.portcullis.oauth.domain.error;

import java.util.Objects;

/**
 * A protocol refusal: carries the {@link OAuthError} sent to the client and an internal detail
 * that goes to the debug log only (it may name ids, never secrets or tokens).
 */
public final class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OAuthError error;

    /**
     * @param error          what the client is told
     * @param internalDetail what the operator's debug log is told
     */
    public OAuthException(OAuthError error, String internalDetail) {
        super(Objects.requireNonNull(internalDetail, "internalDetail"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** A refusal whose description is also the internal detail. */
    public static OAuthException of(ErrorCode code, String description) {
        return new OAuthException(new OAuthError(code, description), description);
    }

    /** The error sent to the client. */
    public OAuthError error() {
        return error;
    }
}
