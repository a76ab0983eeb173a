package io.tasker.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A thin JDBC toolkit (run, map rows, in-transaction) over a pooled {@link DataSource}; no ORM, so the hot
 * path stays visible. Connection failures become {@link DatabaseUnavailableException}; other SQL errors
 * become {@link PersistenceException} naming the statement file.
 */
public final class Jdbc {
    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, "transaction");
        }
    }

    /** Runs {@code work} on one connection in auto-commit mode: each statement is its own transaction. */
    public <T> T withConnection(Work<T> work) {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e, "statement");
        }
    }

    public <T> List<T> query(Sql sql, Binder binder, RowMapper<T> mapper) {
        return withConnection(c -> query(c, sql, binder, mapper));
    }

    public <T> Optional<T> queryOne(Sql sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public int update(Sql sql, Binder binder) {
        return withConnection(c -> update(c, sql, binder));
    }

    public static <T> List<T> query(Connection connection, Sql sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new SQLException(sql.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    public static int update(Connection connection, Sql sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new SQLException(sql.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is already broken; the original failure is what matters
        }
    }

    /** A lost or impossible connection means the database is unavailable; anything else is a failed statement. */
    public static RuntimeException translate(SQLException e, String what) {
        if (DatabaseUnavailableException.isConnectionFailure(e)) {
            return new DatabaseUnavailableException("database unavailable during " + what + ": " + e.getMessage(), e);
        }
        return new PersistenceException(e.getMessage(), e);
    }
}
