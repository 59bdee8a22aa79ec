package dev.portcullis.oauth.adapters.persistence.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What a repository does with one prepared JDBC statement that {@link Transactions#execute} hands
 * it: binds the parameters, executes it once and reads what it returned. It must not keep the
 * statement, which is closed when it returns. Implementations are usually lambdas without state;
 * an instance runs on the calling thread only.
 *
 * @param <T> what it makes of the statement's result
 */
@FunctionalInterface
public interface StatementWork<T> {

    /**
     * Binds, executes and reads {@code statement}.
     *
     * @throws SQLException as the driver throws it; {@link Transactions} translates it
     */
    T apply(PreparedStatement statement) throws SQLException;
}
