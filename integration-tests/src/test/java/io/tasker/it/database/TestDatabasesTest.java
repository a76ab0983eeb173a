package io.tasker.it.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.database.Database;
import io.tasker.testkit.TestDatabase;
import io.tasker.testkit.TestDatabases;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void a_fresh_database_is_migrated_and_holds_only_the_seeded_namespace() {
        try (TestDatabase database = TestDatabases.fresh()) {
            assertThat(Queries.column(database.dataSource(), "public_tables.sql"))
                    .containsAll(EmbeddedDatabaseTest.TASKER_TABLES);
            assertThat(Queries.column(database.dataSource(), "namespace_names.sql")).containsExactly("default");
        }
    }

    @Test
    void fresh_databases_do_not_see_each_others_rows() {
        try (TestDatabase one = TestDatabases.fresh(); TestDatabase other = TestDatabases.fresh()) {
            Queries.update(one.dataSource(), "insert_namespace.sql", "only_in_one");

            assertThat(one.jdbcUrl()).isNotEqualTo(other.jdbcUrl());
            assertThat(Queries.column(one.dataSource(), "namespace_names.sql")).contains("only_in_one");
            assertThat(Queries.column(other.dataSource(), "namespace_names.sql")).doesNotContain("only_in_one");
        }
    }

    @Test
    void closing_a_test_database_drops_it_even_with_connections_left_open() throws SQLException {
        TestDatabase database = TestDatabases.fresh();
        Database leftOpen = Database.connect(database.config());

        database.close();
        leftOpen.close();

        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void its_config_opens_the_same_database_with_nothing_left_to_migrate() {
        try (TestDatabase database = TestDatabases.fresh(); Database opened = Database.open(database.config())) {
            Queries.update(database.dataSource(), "insert_namespace.sql", "seen_through_config");

            assertThat(opened.embedded()).isFalse();
            assertThat(opened.migrations().status().pendingCount()).isZero();
            assertThat(Queries.column(opened.dataSource(), "namespace_names.sql")).contains("seen_through_config");
        }
    }

    @Test
    void a_closed_test_database_refuses_to_hand_out_its_data_source() {
        TestDatabase database = TestDatabases.fresh();
        database.close();

        assertThatThrownBy(database::dataSource)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
