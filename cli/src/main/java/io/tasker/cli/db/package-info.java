/** {@code tasker db}: migrates the schema, reports its state and stops the embedded PostgreSQL. */
package io.tasker.cli.db;
