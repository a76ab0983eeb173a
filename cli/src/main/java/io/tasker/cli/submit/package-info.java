/** {@code tasker submit}: creates a task of a template, storing the template in the database, without running it. */
package io.tasker.cli.submit;
