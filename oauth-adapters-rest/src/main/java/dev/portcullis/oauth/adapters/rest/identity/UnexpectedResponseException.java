package dev.portcullis.oauth.adapters.rest.identity;

/**
 * The identity service answered outside the contract (an unexpected status, a body that is not the
 * agreed JSON). Counts as a failure for the circuit breaker; callers see it as the cause of a
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Its message is fixed text:
 * it never carries the response body, which may hold personal data.
 */
final class UnexpectedResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    UnexpectedResponseException(String message) {
        super(message);
    }
}
