package io.tasker.it.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import io.tasker.testkit.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class TaskerDatabaseExtensionTest {

    private static final List<String> HANDED_OUT = new CopyOnWriteArrayList<>();

    private final TestDatabase fromConstructor;

    TaskerDatabaseExtensionTest(TestDatabase fromConstructor) {
        this.fromConstructor = fromConstructor;
        HANDED_OUT.add(nameOf(fromConstructor));
    }

    @Test
    void injects_a_migrated_database_into_the_constructor() {
        assertThat(Queries.column(fromConstructor.dataSource(), "public_tables.sql")).contains("tasker_tasks");
    }

    @Test
    void injects_a_separate_database_for_each_parameter(TestDatabase first, TestDatabase second) {
        HANDED_OUT.addAll(List.of(nameOf(first), nameOf(second)));

        assertThat(List.of(nameOf(fromConstructor), nameOf(first), nameOf(second))).doesNotHaveDuplicates();
    }

    @AfterAll
    static void every_database_handed_out_is_dropped_after_its_test() {
        try (TestDatabase observer = TestDatabases.fresh()) {
            List<String> askedFor = new ArrayList<>(HANDED_OUT);
            askedFor.add(nameOf(observer));

            assertThat(HANDED_OUT).hasSize(4);
            assertThat(Queries.column(observer.dataSource(), "databases_named.sql", (Object) askedFor.toArray(String[]::new)))
                    .containsExactly(nameOf(observer));
        }
    }

    private static String nameOf(TestDatabase database) {
        return database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    }
}
