package dev.portcullis.oauth.domain.error;

import java.util.Objects;

/**
 * An infrastructure outage (database down, a circuit open): the request could not be served and
 * nothing was issued. The REST adapter answers 503 {@code temporarily_unavailable} (or
 * {@code server_error} where that code is not defined).
 */
public final class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what  the dependency that failed, for the log (e.g. {@code database})
     * @param cause the underlying failure
     */
    public ServiceUnavailableException(String what, Throwable cause) {
        super(Objects.requireNonNull(what, "what") + " unavailable", cause);
    }
}
