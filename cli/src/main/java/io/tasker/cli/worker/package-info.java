/** {@code tasker worker}: one of many processes sharing the queue of one PostgreSQL. */
package io.tasker.cli.worker;
