package io.tasker.testkit;

/**
 * Fresh databases for tests. The first call starts this JVM's PostgreSQL (a throwaway embedded server:
 * temporary data, fsync off, stopped at exit) and migrates a template database once; every call then
 * copies that template, which takes tens of milliseconds.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new, migrated, empty database of its own; close it to drop it. */
    public static TestDatabase fresh() {
        return SharedTestServer.instance().newDatabase();
    }
}
