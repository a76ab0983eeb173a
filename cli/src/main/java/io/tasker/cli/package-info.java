/** The {@code tasker} command: its root, exit codes, shared options and the mapping of failures to messages. */
package io.tasker.cli;
