package dev.portcullis.oauth.adapters.persistence.database;

/**
 * A write refused by a primary key or unique constraint: the row exists already. It is an
 * {@link IllegalStateException} so that, should it leave the adapter, it still means what the ports say.
 */
public final class DuplicateKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param constraint the constraint that refused the write, as the database names it; may be unknown
     * @param cause      the database failure
     */
    public DuplicateKeyException(String constraint, Throwable cause) {
        super("duplicate key (constraint " + constraint + ")", cause);
    }
}
