package dev.portcullis.oauth.adapters.persistence.database;

import dev.portcullis.oauth.domain.user.ClaimsRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link ClaimsRequest} is kept in two columns, {@code claims_userinfo} and
 * {@code claims_id_token}: claim names sorted and joined by single spaces (a usable claim name has no
 * white space), null for none. The requested {@code sub} is not kept: it is checked before a code is
 * issued, and the code's subject then is that user.
 */
public final class ClaimsColumns {

    /** The longest column text: 64 names of 60 characters and the spaces between them fit. */
    public static final int MAX_LENGTH = 4000;

    private ClaimsColumns() {
    }

    /** The column text of {@code names}; null for none. */
    public static String toColumn(Set<String> names) {
        return names.isEmpty() ? null : String.join(" ", names.stream().sorted().toList());
    }

    /**
     * The request two columns hold.
     *
     * @throws IllegalStateException when a stored name is not a usable claim name
     */
    public static ClaimsRequest fromColumns(String userinfo, String idToken) {
        try {
            return new ClaimsRequest(split(userinfo), split(idToken), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored claims request is not valid", e);
        }
    }

    private static Set<String> split(String column) {
        return column == null || column.isBlank() ? Set.of() : Set.copyOf(List.of(column.strip().split(" +")));
    }
}
