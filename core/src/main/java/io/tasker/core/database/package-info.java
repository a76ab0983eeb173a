/** Where the state lives: the embedded PostgreSQL, connection pools, URL parsing, Flyway migrations, and a thin JDBC toolkit with SQL read from .sql resources. */
package io.tasker.core.database;
