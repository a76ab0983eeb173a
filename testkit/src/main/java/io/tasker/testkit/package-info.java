/** Test helpers: a real PostgreSQL per test JVM with a fresh migrated database per test, and a settable clock. */
package io.tasker.testkit;
