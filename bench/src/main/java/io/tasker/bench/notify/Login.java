package io.tasker.bench.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the benchmark's PostgreSQL is. */
record Login(String url, String username, String password) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
