package io.tasker.it.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs the {@code .sql} files beside these tests; every result column is read as text. */
final class Queries {

    private Queries() {
    }

    static List<String> column(DataSource dataSource, String file, Object... parameters) {
        return rows(dataSource, file, parameters).stream().map(row -> row.get(0)).toList();
    }

    static List<String> row(DataSource dataSource, String file, Object... parameters) {
        return rows(dataSource, file, parameters).getFirst();
    }

    static void update(DataSource dataSource, String file, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, file, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(file + " failed", e);
        }
    }

    private static List<List<String>> rows(DataSource dataSource, String file, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, file, parameters);
             ResultSet result = statement.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(file + " failed", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String file, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(load(file));
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof String[] names) {
                Array array = connection.createArrayOf("text", names);
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }

    private static String load(String file) {
        try (InputStream in = Queries.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing test SQL " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
