package dev.portcullis.oauth.adapters.persistence.database;

import dev.portcullis.oauth.domain.scope.ScopeSet;

/**
 * How a scope set is kept in one column: its {@code scope} parameter, scope-tokens joined by
 * single spaces in their order (RFC 6749 §3.3). A scope-token has no space, so the text splits back
 * unambiguously; the empty set is the empty string. At most {@value #MAX_LENGTH} characters.
 */
public final class ScopeColumn {

    /** The longest text: {@link ScopeSet#MAX_SIZE} tokens of 128 characters and the spaces between them. */
    public static final int MAX_LENGTH = 8255;

    private ScopeColumn() {
    }

    /** The column text of {@code scope}. */
    public static String toColumn(ScopeSet scope) {
        return scope.toParameter();
    }

    /**
     * The scope set that {@code text} holds.
     *
     * @param row names the row, for the message when the text is not a scope parameter
     * @throws IllegalStateException when the text is not a valid scope parameter
     */
    public static ScopeSet fromColumn(String text, String row) {
        if (text.isEmpty()) {
            return ScopeSet.EMPTY;
        }
        return ScopeSet.parse(text).orElseThrow(() -> new IllegalStateException("stored " + row + " has an invalid scope"));
    }
}
