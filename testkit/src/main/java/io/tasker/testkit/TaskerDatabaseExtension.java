package io.tasker.testkit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: a fresh {@link TestDatabase} for every test method or constructor parameter of that type,
 * dropped after each test. (A constructor parameter of a {@code PER_CLASS} test instance lives as long as
 * that instance: it is dropped after the class.)
 */
public final class TaskerDatabaseExtension implements ParameterResolver, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(TaskerDatabaseExtension.class);

    /** Constructor parameters of a per-method test instance belong to that test, not to its class. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = TestDatabases.fresh();
        openDatabases(context).add(database);
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        openDatabases(context).close();
    }

    /**
     * Keyed by the context's id: a store also answers with its parents' values, and a class's list must
     * not be closed after one of its tests.
     */
    private static OpenDatabases openDatabases(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(context.getUniqueId(), id -> new OpenDatabases(), OpenDatabases.class);
    }

    /** The databases handed out in one context; JUnit closes whatever is left when that context ends. */
    static final class OpenDatabases implements AutoCloseable {

        private final List<TestDatabase> databases = new ArrayList<>();

        synchronized void add(TestDatabase database) {
            databases.add(database);
        }

        @Override
        public synchronized void close() {
            databases.forEach(TestDatabase::close);
            databases.clear();
        }
    }
}
