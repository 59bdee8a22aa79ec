package dev.portcullis.oauth.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate}: the schema only, nothing else; and exit code 4 when the database is unreachable. */
class MigrateCommandIT {

    @TempDir
    Path dir;

    @Test
    void migrateThenSchemaAppliedAndNoKeyGenerated() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

        CliRunner.Result result = CliRunner.h2(dir).and("PORTCULLIS_DB_URL", url).run("migrate", "--json");

        assertEquals(0, result.code(), result.toString());
        assertTrue(result.json().get("migrated").asBoolean());
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            assertTrue(count(statement, "SELECT COUNT(*) FROM DATABASECHANGELOG") > 0);
            assertEquals(0, count(statement, "SELECT COUNT(*) FROM signing_key"));
        }
        assertEquals(0, CliRunner.h2(dir).and("PORTCULLIS_DB_URL", url).run("migrate").code()); // idempotent
    }

    @Test
    void migrateWhenDatabaseUnreachableThenExitFour() {
        CliRunner.Result result = CliRunner.h2(dir).and("PORTCULLIS_DB_URL", "jdbc:postgresql://127.0.0.1:1/none")
                .run("migrate");

        assertEquals(ExitCode.DATABASE_UNAVAILABLE, result.code(), result.toString());
        assertEquals("Database unavailable: cannot connect to the configured database (database.url).\n", result.err());
    }

    @Test
    void clientsListWhenDatabaseUnreachableThenExitFour() {
        CliRunner.Result result = CliRunner.h2(dir).and("PORTCULLIS_DB_URL", "jdbc:postgresql://127.0.0.1:1/none")
                .run("clients", "list", "--json");

        assertEquals(ExitCode.DATABASE_UNAVAILABLE, result.code(), result.toString());
        assertEquals("", result.out());
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
