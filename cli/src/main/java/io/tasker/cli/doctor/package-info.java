/** {@code tasker doctor}: reports the JDK, the polyglot mode (JIT or interpreter), the guest languages and the database. */
package io.tasker.cli.doctor;
