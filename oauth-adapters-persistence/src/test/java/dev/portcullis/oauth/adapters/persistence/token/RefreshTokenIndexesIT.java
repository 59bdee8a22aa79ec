package dev.portcullis.oauth.adapters.persistence.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The indexes of {@code refresh_token} after the migrations, on both databases: one leads with the
 * column of each lookup of {@link JpaRefreshTokenRepository} (issue #7: token_hash for a refresh,
 * grant_id for a family's revocation, subject and client_id for the admin revocations,
 * family_expires_at for pruning), and there is no other, since each index costs every insert.
 */
final class RefreshTokenIndexesIT {

    @RegisterExtension
    static final TestDatabase H2 = TestDatabase.h2();

    @RegisterExtension
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    private static final Set<String> LOOKUP_COLUMNS =
            Set.of("token_hash", "grant_id", "subject", "client_id", "family_expires_at");

    @Test
    void indexesWhenMigratedOnH2ThenOnePerLookupColumnAndNoOther() throws SQLException {
        assertEquals(new TreeSet<>(LOOKUP_COLUMNS), leadingColumns(H2.dataSource(), "REFRESH_TOKEN"));
    }

    @Test
    void indexesWhenMigratedOnPostgresThenOnePerLookupColumnAndNoOther() throws SQLException {
        assertEquals(new TreeSet<>(LOOKUP_COLUMNS), leadingColumns(POSTGRES.dataSource(), "refresh_token"));
    }

    /** The first column of each index of {@code table}, the primary key's included. */
    private static Set<String> leadingColumns(DataSource dataSource, String table) throws SQLException {
        Map<String, String> leading = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (indexes.next()) {
                if (indexes.getShort("TYPE") != DatabaseMetaData.tableIndexStatistic
                        && indexes.getShort("ORDINAL_POSITION") == 1) {
                    leading.put(indexes.getString("INDEX_NAME"), indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertEquals(leading.size(), new TreeSet<>(leading.values()).size(), "one index per leading column: " + leading);
        return new TreeSet<>(leading.values());
    }
}
