/** The database infrastructure against real PostgreSQL servers and real processes: embedded server, pools, URLs, migrations, testkit. */
package io.tasker.it.database;
