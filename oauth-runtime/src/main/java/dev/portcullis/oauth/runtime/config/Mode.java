package dev.portcullis.oauth.runtime.config;

/** How strict the start is. */
public enum Mode {
    /** Embedded database, generated keys, a printed development client: zero configuration. */
    DEVELOPMENT,
    /** Refuses to start without an https issuer, a database URL and a master key. */
    PRODUCTION
}
