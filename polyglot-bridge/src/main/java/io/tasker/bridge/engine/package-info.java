/**
 * The one polyglot {@code Engine} of the JVM, the host access every guest context shares, and where guest
 * output and Truffle's own log lines go.
 */
package io.tasker.bridge.engine;
