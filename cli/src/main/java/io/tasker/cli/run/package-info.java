/** {@code tasker run}: reads a template and a context, runs the task to its end and reports it as text or JSON. */
package io.tasker.cli.run;
