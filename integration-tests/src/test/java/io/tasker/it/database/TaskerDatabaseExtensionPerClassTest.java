package io.tasker.it.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test instance shared by its tests keeps the database its constructor received until the class ends. */
@ExtendWith(TaskerDatabaseExtension.class)
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class TaskerDatabaseExtensionPerClassTest {

    private final TestDatabase shared;

    TaskerDatabaseExtensionPerClassTest(TestDatabase shared) {
        this.shared = shared;
    }

    @Test
    @Order(1)
    void a_first_test_writes_to_the_database_of_the_instance(TestDatabase ownDatabase) {
        Queries.update(shared.dataSource(), "insert_namespace.sql", "kept_for_the_next_test");

        assertThat(ownDatabase.jdbcUrl()).isNotEqualTo(shared.jdbcUrl());
    }

    @Test
    @Order(2)
    void a_later_test_still_finds_it() {
        assertThat(Queries.column(shared.dataSource(), "namespace_names.sql")).contains("kept_for_the_next_test");
    }
}
