package dev.portcullis.oauth.adapters.persistence.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up check that skips Liquibase when every changeset is applied, and what it does not
 * skip: a pending changeset, a database Liquibase never touched, and (through {@code migrateAlways})
 * the checksum verification.
 */
final class SchemaMigrationIT {

    private static final ClassLoader LOADER = SchemaMigrationIT.class.getClassLoader();

    private static DataSource newH2() {
        return TestDatabase.h2DataSource("jdbc:h2:mem:migration_" + UUID.randomUUID().toString().substring(0, 8)
                + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void declaredInWhenMasterChangelogThenSameChangeSetsAsLiquibaseParses() throws Exception {
        ResourceAccessor accessor = new ClassLoaderResourceAccessor(LOADER);
        Set<String> parsed = Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor), () -> {
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
                    .getParser(SchemaMigration.CHANGELOG, accessor)
                    .parse(SchemaMigration.CHANGELOG, new ChangeLogParameters(), accessor);
            return changeLog.getChangeSets().stream().map(set -> set.getId() + "/" + set.getAuthor())
                    .collect(Collectors.toSet());
        });

        ChangeSetIds declared = ChangeSetIds.declaredIn(SchemaMigration.CHANGELOG, LOADER);

        assertEquals(parsed, declared.ids());
    }

    @Test
    void allAppliedInWhenLiquibaseNeverRanThenFalse() throws SQLException {
        DataSource empty = newH2();

        try (Connection connection = empty.getConnection()) {
            assertFalse(ChangeSetIds.declaredIn(SchemaMigration.CHANGELOG, LOADER).allAppliedIn(connection));
        }
    }

    @Test
    void migrateWhenOneChangeSetPendingThenLiquibaseAppliesIt() throws Exception {
        DataSource dataSource = newH2();
        ChangeSetIds declared = ChangeSetIds.declaredIn(SchemaMigration.CHANGELOG, LOADER);
        migrateFirst(declared.ids().size() - 1, dataSource);
        try (Connection connection = dataSource.getConnection()) {
            assertFalse(declared.allAppliedIn(connection));
        }

        SchemaMigration.migrate(dataSource);

        try (Connection connection = dataSource.getConnection()) {
            assertTrue(declared.allAppliedIn(connection));
        }
    }

    /** Shared by H2 and PostgreSQL: what a migrated database answers. */
    abstract static class Migrated {

        abstract DataSource dataSource();

        @Test
        void allAppliedInWhenMigratedThenTrue() throws SQLException {
            try (Connection connection = dataSource().getConnection()) {
                assertTrue(ChangeSetIds.declaredIn(SchemaMigration.CHANGELOG, LOADER).allAppliedIn(connection));
            }
        }

        @Test
        void migrateWhenEveryChangeSetRecordedThenLiquibaseDoesNotRunButMigrateAlwaysVerifiesChecksums()
                throws SQLException {
            TestDatabase.execute(dataSource(), "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000'"
                    + " WHERE id = '001-create-oauth-client'");
            try {
                // Start-up does not start Liquibase, so the tampered checksum goes unnoticed there ...
                SchemaMigration.migrate(dataSource());

                // ... while the migrate command's full run refuses it.
                assertThrows(ServiceUnavailableException.class, () -> SchemaMigration.migrateAlways(dataSource()));
            } finally {
                TestDatabase.execute(dataSource(), "UPDATE databasechangelog SET md5sum = NULL"
                        + " WHERE id = '001-create-oauth-client'");
            }
        }
    }

    @Nested
    final class OnH2 extends Migrated {

        @RegisterExtension
        static final TestDatabase DATABASE = TestDatabase.h2();

        @Override
        DataSource dataSource() {
            return DATABASE.dataSource();
        }
    }

    @Nested
    final class OnPostgres extends Migrated {

        @RegisterExtension
        static final TestDatabase DATABASE = TestDatabase.postgres();

        @Override
        DataSource dataSource() {
            return DATABASE.dataSource();
        }
    }

    /** Applies only the first {@code count} changesets of the changelog. */
    private static void migrateFirst(int count, DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LOADER),
                            Scope.Attr.ui.name(), new LoggerUIService()),
                    () -> new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, SchemaMigration.CHANGELOG)
                            .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count)
                            .execute());
        }
    }
}
