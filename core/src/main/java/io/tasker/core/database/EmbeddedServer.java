package io.tasker.core.database;

import java.nio.file.Path;

/**
 * A running embedded PostgreSQL: where its data lives, where it listens and how to log in.
 *
 * @param pid the postmaster's process id
 * @param reused whether an already running server was found rather than started
 * @param throwaway whether it is a test server, deleted with its data when its JVM exits
 */
public record EmbeddedServer(Path dataDirectory, int port, String username, String password, long pid,
                             boolean reused, boolean throwaway) {

    /** The database tasker uses on its embedded server. */
    public static final String DATABASE = "tasker";

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + port + "/" + database;
    }

    /** One line for people: where the data is, which port, and whether the server was reused. */
    public String describe() {
        return "embedded PostgreSQL on " + LoopbackPorts.HOST + ":" + port + " (pid " + pid + ", "
                + (reused ? "already running" : "started now") + "), data in " + dataDirectory;
    }

    @Override
    public String toString() {
        return "EmbeddedServer[" + describe() + ", user " + username + "]";
    }
}
