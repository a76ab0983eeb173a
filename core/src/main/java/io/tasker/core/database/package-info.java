/** Where the state lives: the embedded PostgreSQL, connection pools, URL parsing and Flyway migrations. */
package io.tasker.core.database;
