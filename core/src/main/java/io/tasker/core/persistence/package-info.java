/** Persistence: the stores that own the task tables, written with the database package's JDBC toolkit. */
package io.tasker.core.persistence;
