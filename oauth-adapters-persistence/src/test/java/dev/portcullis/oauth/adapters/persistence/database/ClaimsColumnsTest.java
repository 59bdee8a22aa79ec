package dev.portcullis.oauth.adapters.persistence.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.portcullis.oauth.domain.user.ClaimsRequest;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimsColumnsTest {

    @Test
    void toColumnAndFromColumnsWhenNamesThenRoundTripSorted() {
        String joined = ClaimsColumns.toColumn(Set.of("phone_number", "email"));

        assertEquals("email phone_number", joined);
        assertEquals(new ClaimsRequest(Set.of("email", "phone_number"), Set.of(), Optional.empty()),
                ClaimsColumns.fromColumns(joined, null));
    }

    @Test
    void toColumnWhenNoneThenNullAndFromColumnsWhenNullOrEmptyThenNone() {
        assertNull(ClaimsColumns.toColumn(Set.of()));
        assertEquals(ClaimsRequest.NONE, ClaimsColumns.fromColumns(null, ""));
    }
}
