/** {@code tasker purge}: deletes or archives finished tasks older than an age, in batches. */
package io.tasker.cli.purge;
