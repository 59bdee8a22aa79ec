package dev.portcullis.oauth.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.adapters.persistence.database.SchemaMigration;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema migration on an H2 file database, as the embedded server keeps it under {@code ./data}. */
final class MigrationIT {

    @BeforeAll
    static void bridgeLogging() {
        LogBridge.install();
    }

    @TempDir
    Path directory;

    private DataSource fileDatabase() {
        return TestDatabase.h2DataSource("jdbc:h2:file:" + directory.resolve("portcullis").toAbsolutePath());
    }

    @Test
    void openWhenSchemaAlreadyMigratedThenStartsAndKeepsData() throws SQLException {
        DataSource dataSource = fileDatabase();
        Client client = TestClients.confidential().build();
        try (PersistenceUnit first = PersistenceUnit.open(dataSource)) {
            first.clients().save(client);
        }
        List<String> applied = appliedChangesets(dataSource);

        try (PersistenceUnit second = PersistenceUnit.open(dataSource)) {

            assertEquals(Optional.of(client), second.clients().findById(client.id()));
        }
        assertEquals(applied, appliedChangesets(dataSource));
    }

    @Test
    void migrateOnlyWhenRunTwiceThenSecondRunAppliesNothing() throws SQLException {
        DataSource dataSource = fileDatabase();
        PersistenceUnit.migrateOnly(dataSource);
        List<String> applied = appliedChangesets(dataSource);

        PersistenceUnit.migrateOnly(dataSource);

        assertEquals(applied, appliedChangesets(dataSource));
        assertEquals(changesetsInChangelog(), applied.size());
    }

    /** Every changeset of the changelog, so that appending one needs no change here. */
    private static long changesetsInChangelog() {
        try (InputStream in = MigrationIT.class.getResourceAsStream("/db/changelog/db.changelog-master.yaml")) {
            String changelog = new String(Objects.requireNonNull(in, "changelog").readAllBytes(), StandardCharsets.UTF_8);
            return changelog.lines().filter(line -> line.strip().equals("- changeSet:")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void openWhenMigratedByMigrateOnlyThenRepositoriesWork() {
        DataSource dataSource = fileDatabase();
        PersistenceUnit.migrateOnly(dataSource);
        ScopeDefinition read = new ScopeDefinition(new Scope("read"), "Read");

        try (PersistenceUnit unit = PersistenceUnit.open(dataSource)) {
            unit.scopes().save(read);

            assertEquals(List.of(read), unit.scopes().findAll());
        }
    }

    @Test
    void openWhenClientStoredBeforeIdleLifetimeColumnThenIdleEqualsAbsoluteLifetime() throws Exception {
        DataSource dataSource = fileDatabase();
        migrateFirst(16, dataSource); // up to 016, the last changeset before refresh_token_idle_seconds
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO oauth_client (client_id, client_name, authentication_method,"
                    + " access_token_lifetime_seconds, refresh_token_lifetime_seconds, authorization_code_lifetime_seconds)"
                    + " VALUES ('old', 'Old client', 'none', 300, 86400, 60)");
        }

        try (PersistenceUnit unit = PersistenceUnit.open(dataSource)) {

            TokenLifetimes lifetimes = unit.clients().findById(new ClientId("old")).orElseThrow().lifetimes();
            assertEquals(Duration.ofDays(1), lifetimes.refreshToken());
            assertEquals(Duration.ofDays(1), lifetimes.refreshTokenIdle());
        }
    }

    /** Applies only the first {@code count} changesets of the changelog. */
    private static void migrateFirst(int count, DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(liquibase.Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(MigrationIT.class.getClassLoader()));
            liquibase.Scope.child(scope, () -> new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, SchemaMigration.CHANGELOG)
                    .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count)
                    .execute());
        }
    }

    private static List<String> appliedChangesets(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}
