package dev.portcullis.oauth.adapters.persistence.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The changesets a changelog declares and those a database records as applied, compared without
 * starting Liquibase. Starting Liquibase costs more than a second of class loading and changelog
 * parsing; when every declared changeset is recorded, there is nothing for it to do.
 *
 * @param changelog the changelog's path on the class path, as Liquibase records it
 * @param ids       the {@code id/author} of every changeset the changelog declares
 */
record ChangeSetIds(String changelog, Set<String> ids) {

    /** Liquibase's record of applied changesets; unquoted, so it matches on PostgreSQL and H2 alike. */
    private static final String APPLIED = "SELECT id, author FROM databasechangelog WHERE filename = ?";

    ChangeSetIds {
        Objects.requireNonNull(changelog, "changelog");
        ids = Set.copyOf(ids);
    }

    /**
     * The changesets declared in the YAML changelog at {@code changelog} on the class path of
     * {@code loader}; {@code include}s are not followed (the changelog has none).
     *
     * @throws IllegalStateException when the changelog is missing or includes other files
     */
    static ChangeSetIds declaredIn(String changelog, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(changelog)) {
            if (in == null) {
                throw new IllegalStateException("changelog " + changelog + " not on the class path");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Set<String> ids = new HashSet<>();
            for (Object entry : (List<?>) root.get("databaseChangeLog")) {
                Map<?, ?> element = (Map<?, ?>) entry;
                if (element.containsKey("include") || element.containsKey("includeAll")) {
                    throw new IllegalStateException("changelog " + changelog + " includes other files");
                }
                if (element.get("changeSet") instanceof Map<?, ?> changeSet) {
                    ids.add(changeSet.get("id") + "/" + changeSet.get("author"));
                }
            }
            return new ChangeSetIds(changelog, ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read changelog " + changelog, e);
        }
    }

    /**
     * Whether the database behind {@code connection} records every declared changeset as applied.
     * False when Liquibase never ran there (no {@code databasechangelog} table) or a changeset is
     * pending; extra rows (from a newer version of the server) do not count.
     */
    boolean allAppliedIn(Connection connection) throws SQLException {
        if (!hasChangelogTable(connection.getMetaData())) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(APPLIED)) {
            select.setString(1, changelog);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.add(rows.getString(1) + "/" + rows.getString(2));
                }
            }
        }
        return applied.containsAll(ids);
    }

    private static boolean hasChangelogTable(DatabaseMetaData metaData) throws SQLException {
        // PostgreSQL folds unquoted names to lower case, H2 to upper case.
        for (String name : List.of("databasechangelog", "DATABASECHANGELOG")) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
