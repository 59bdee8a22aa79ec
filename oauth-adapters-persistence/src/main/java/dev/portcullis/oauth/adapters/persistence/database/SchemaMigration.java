package dev.portcullis.oauth.adapters.persistence.database;

import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date with the Liquibase changelog
 * {@value #CHANGELOG}. Liquibase's lock table serialises instances that start together; an
 * up-to-date schema is left untouched. Liquibase writes to its logger (java.util.logging unless
 * the JUL bridge is installed), never to the standard streams, and never calls home.
 *
 * <p>At start ({@link #migrate}) Liquibase runs only when the changelog declares a changeset the
 * database has not recorded: starting it costs over a second, most of a server's start, for
 * nothing when the schema is current. {@link #migrateAlways} runs it in any case, which also checks
 * the recorded checksums of applied changesets (the {@code migrate} command).
 */
public final class SchemaMigration {

    /** The master changelog, on the class path. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    private static final String ANALYTICS = "liquibase.analytics.enabled";

    static {
        // Read by Liquibase when its configuration first initialises, so it must be set before any
        // Liquibase class is used; an explicit setting by the embedder wins.
        if (System.getProperty(ANALYTICS) == null) {
            System.setProperty(ANALYTICS, "false");
        }
    }

    private SchemaMigration() {
    }

    /**
     * Applies every changeset not yet applied, on one connection from {@code dataSource}; starts
     * Liquibase only when a declared changeset is not recorded as applied.
     *
     * @throws ServiceUnavailableException when the database cannot be reached or a changeset fails
     */
    public static void migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        long started = System.nanoTime();
        ChangeSetIds declared = ChangeSetIds.declaredIn(CHANGELOG, SchemaMigration.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            if (declared.allAppliedIn(connection)) {
                LOG.info("database schema up to date ({} changesets applied), checked in {} ms", declared.ids().size(),
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
        } catch (SQLException e) {
            // Liquibase below reports an unreachable database; anything else is its to decide.
            LOG.debug("changelog check failed, running Liquibase: {}", e.toString());
        }
        migrateAlways(dataSource);
    }

    /**
     * Applies every changeset not yet applied through Liquibase, which also verifies the checksums
     * of those already applied.
     *
     * @throws ServiceUnavailableException when the database cannot be reached, a changeset fails,
     *                                     or an applied changeset was changed since
     */
    public static void migrateAlways(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()),
                    ANALYTICS, Boolean.FALSE);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (SQLException | LiquibaseException | UnexpectedLiquibaseException e) {
            throw new ServiceUnavailableException("database", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Scope.child declares Exception; the work inside it throws nothing else checked.
            throw new ServiceUnavailableException("database", e);
        }
        LOG.info("database schema up to date in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
