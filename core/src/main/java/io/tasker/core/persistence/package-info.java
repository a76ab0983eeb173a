/** Persistence: a thin JDBC toolkit, SQL read from .sql resources, and the stores that own the task tables. */
package io.tasker.core.persistence;
