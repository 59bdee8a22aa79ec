package dev.portcullis.oauth.runtime.config;

/**
 * The configuration is invalid: the message names the offending key and says what is wrong.
 * It never contains a secret value.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /**
     * @param key     the key as the operator wrote it, e.g. {@code clients[0].grant_types} or {@code PORTCULLIS_HTTP_PORT}
     * @param problem what is wrong with it
     */
    public ConfigurationException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The offending key, as the operator wrote it. */
    public String key() {
        return key;
    }

    /** What is wrong with the key's value. */
    public String problem() {
        return problem;
    }
}
