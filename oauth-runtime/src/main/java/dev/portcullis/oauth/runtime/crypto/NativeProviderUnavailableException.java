package dev.portcullis.oauth.runtime.crypto;

/** The native provider cannot be used here; the message says why, in a few words for the start log. */
final class NativeProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NativeProviderUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
