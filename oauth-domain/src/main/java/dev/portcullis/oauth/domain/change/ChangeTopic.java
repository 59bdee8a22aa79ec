package dev.portcullis.oauth.domain.change;

/** What kind of shared state changed; each topic is one notification channel. */
public enum ChangeTopic {
    /** A client registration was created, changed or deleted; the key is its {@code client_id}. */
    CLIENTS("portcullis_clients"),
    /** A signing key was added, promoted, re-encrypted or deleted; the key is its {@code kid}. */
    SIGNING_KEYS("portcullis_keys"),
    /**
     * A JWT access token or a grant was put on the deny list; the key is the entry (a {@code jti},
     * or a grant's entry).
     */
    REVOKED_ACCESS_TOKENS("portcullis_revoked_access_tokens");

    private final String channel;

    ChangeTopic(String channel) {
        this.channel = channel;
    }

    /** The channel name, e.g. for PostgreSQL {@code LISTEN/NOTIFY}: lower case, a valid identifier. */
    public String channel() {
        return channel;
    }
}
