package dev.portcullis.oauth.application.authorization;

import java.util.Arrays;
import java.util.Optional;

/** The {@code prompt} values served (OIDC Core §3.1.2.1). */
public enum Prompt {
    /** No page may be shown: an error when the user must sign in or consent. */
    NONE("none"),
    /** The user must sign in again, even with a valid session. */
    LOGIN("login"),
    /** The consent page is shown, even when consent was remembered. */
    CONSENT("consent");

    private final String value;

    Prompt(String value) {
        this.value = value;
    }

    /** The {@code prompt} value. */
    public String value() {
        return value;
    }

    /** The prompt named exactly {@code value}, or empty. */
    public static Optional<Prompt> fromValue(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}
