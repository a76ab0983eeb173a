package io.tasker.it.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.DataSources;
import io.tasker.core.database.DatabaseUrl;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TaskerDatabaseExtension.class)
class DatabaseUrlTest {

    @Test
    void reads_user_password_host_port_and_database_from_a_libpq_url() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://worker:pw@db.example.com:6543/orders");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/orders");
        assertThat(url.username()).isEqualTo("worker");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.display()).isEqualTo("postgres://worker@db.example.com:6543/orders");
    }

    @Test
    void accepts_the_postgresql_scheme_too() {
        assertThat(DatabaseUrl.parse("postgresql://worker@localhost/orders").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/orders");
    }

    @Test
    void decodes_percent_escapes_but_keeps_a_plus_as_a_plus() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%2Fa+ss%3A@localhost/my%20db");

        assertThat(url.username()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p/a+ss:");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/my+db");
        assertThat(Driver.parseURL(url.jdbcUrl(), null).getProperty("PGDBNAME")).isEqualTo("my db");
    }

    @Test
    void defaults_the_host_to_localhost_and_leaves_the_port_to_the_driver() {
        DatabaseUrl url = DatabaseUrl.parse("postgres:///orders");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/orders");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void keeps_several_hosts_and_bracketed_ipv6_addresses() {
        assertThat(DatabaseUrl.parse("postgres://u@[::1]:5433,db2:5434/orders").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433,db2:5434/orders");
    }

    @Test
    void turns_libpq_parameters_into_pgjdbc_properties() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u@h/d?sslmode=require&application_name=night%20batch"
                + "&connect_timeout=3&target_session_attrs=read-write&options=-c%20search_path%3Dtasker");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/d?sslmode=require&ApplicationName=night+batch"
                + "&connectTimeout=3&targetServerType=primary&options=-c+search_path%3Dtasker");
        assertThat(Driver.parseURL(url.jdbcUrl(), null))
                .containsEntry("options", "-c search_path=tasker")
                .containsEntry("ApplicationName", "night batch");
    }

    @Test
    void takes_user_password_and_dbname_from_libpq_parameters() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://h?user=worker&password=pw&dbname=orders");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/orders");
        assertThat(url.username()).isEqualTo("worker");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.display()).isEqualTo("postgres://h?user=worker&dbname=orders");
    }

    @Test
    void moves_user_and_password_out_of_a_jdbc_url() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/d?user=worker&password=pw&sslmode=disable");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?sslmode=disable");
        assertThat(url.username()).isEqualTo("worker");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.display()).isEqualTo("jdbc:postgresql://h:5432/d?user=worker&sslmode=disable");
        assertThat(url.toString()).doesNotContain("pw");
    }

    @Test
    void credentials_in_the_url_win_over_configured_ones_which_fill_the_gaps() {
        DatabaseUrl withUser = DatabaseUrl.parse("postgres://worker@h/d").withFallbackCredentials("configured", "secret");

        assertThat(withUser.username()).isEqualTo("worker");
        assertThat(withUser.password()).isEqualTo("secret");
    }

    @Test
    void rejects_an_unsupported_libpq_parameter_naming_it() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:pw@h/d?gssencmode=disable"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gssencmode'")
                .hasMessageContaining("sslmode")
                .hasMessageNotContaining("pw@");
    }

    @Test
    void rejects_a_port_that_is_not_a_number() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://h:54x2/d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Port '54x2'")
                .hasMessageContaining("1-65535");
    }

    @Test
    void rejects_another_scheme_without_repeating_the_password() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mysql://root@h/d")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejects_an_empty_url_saying_what_is_expected() {
        assertThatThrownBy(() -> DatabaseUrl.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("postgres://user:password@host:port/database");
    }

    @Test
    void rejects_a_malformed_percent_escape() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p%zz@h/d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%-escape");
    }

    @Test
    void a_libpq_url_connects_to_a_real_database(TestDatabase database) {
        URI jdbc = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        String libpq = "postgresql://" + database.username() + ":" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8)
                + "@" + jdbc.getHost() + ":" + jdbc.getPort() + jdbc.getPath() + "?application_name=libpq%20style";

        try (HikariDataSource pool = DataSources.create(new DatabaseConfig(libpq, null, null, 1, 5, 0, null, false))) {
            assertThat(Queries.column(pool, "current_setting.sql", "application_name")).containsExactly("libpq style");
            assertThat(Queries.row(pool, "server_instance.sql").get(2)).isEqualTo(jdbc.getPath().substring(1));
        }
    }
}
