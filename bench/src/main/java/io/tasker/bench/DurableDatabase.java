package io.tasker.bench;

import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.Database;
import io.tasker.core.database.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL for benchmarks, started the way {@code tasker run} starts its default database: durable
 * commits (fsync and synchronous_commit on), in a fresh data directory that is removed afterwards.
 */
final class DurableDatabase implements AutoCloseable {
    private final Path dataDirectory;
    private final Database database;

    DurableDatabase(int poolSize) throws IOException {
        this.dataDirectory = Files.createTempDirectory("tasker-bench-").resolve("pgdata");
        this.database = Database.open(new DatabaseConfig(null, null, null, poolSize, 5, 0,
                dataDirectory.toString(), true));
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        EmbeddedPostgres.stop(dataDirectory);
    }
}
