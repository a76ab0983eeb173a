package io.tasker.it.database;

import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.database.EmbeddedServer;
import java.io.IOException;

/**
 * Run in a child JVM by the tests: starts a throwaway server, prints its data directory and port, then
 * exits (argument {@code exit}) or waits for its standard input to close (argument {@code wait}), so the
 * test can kill it before its shutdown hook runs.
 */
public final class StartThrowawayServer {

    private StartThrowawayServer() {
    }

    public static void main(String[] arguments) throws IOException {
        EmbeddedServer server = EmbeddedPostgres.startThrowaway();
        System.out.println(OpenEmbeddedDatabase.RESULT_PREFIX + server.dataDirectory() + "|" + server.port());
        System.out.flush();
        if (arguments[0].equals("wait")) {
            System.in.read();
        }
    }
}
