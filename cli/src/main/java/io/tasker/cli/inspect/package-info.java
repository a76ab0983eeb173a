/** {@code tasker status} and {@code tasker tasks}: read-only views of tasks, as text or JSON. */
package io.tasker.cli.inspect;
