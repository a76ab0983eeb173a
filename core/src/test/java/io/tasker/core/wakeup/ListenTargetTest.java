package io.tasker.core.wakeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.wakeup.ListenTarget.Endpoint;
import io.tasker.core.wakeup.ListenTarget.HostPort;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;

class ListenTargetTest {

    @Test
    void reads_host_port_database_and_the_fallback_login_from_a_jdbc_url() {
        ListenTarget target = ListenTarget.parse("jdbc:postgresql://127.0.0.1:40123/tasker", "me", "secret");

        PgConnectOptions options = target.options(target.hosts().getFirst(), SslMode.DISABLE);
        assertThat(options.getHost()).isEqualTo("127.0.0.1");
        assertThat(options.getPort()).isEqualTo(40123);
        assertThat(options.getDatabase()).isEqualTo("tasker");
        assertThat(options.getUser()).isEqualTo("me");
        assertThat(options.getPassword()).isEqualTo("secret");
        assertThat(target.sslMode()).as("pgjdbc's default").isEqualTo(SslMode.PREFER);
        assertThat(options.getProperties()).containsEntry("application_name", "tasker-wakeup");
    }

    @Test
    void allow_tries_plain_and_then_tls_as_two_endpoints_and_prefer_stays_one_to_be_probed() {
        HostPort host = new HostPort("h", 5432);

        assertThat(ListenTarget.parse("jdbc:postgresql://h/db?sslmode=allow", "u", "p").endpoints()).containsExactly(
                new Endpoint(host, SslMode.DISABLE), new Endpoint(host, SslMode.REQUIRE));
        assertThat(ListenTarget.parse("jdbc:postgresql://h/db", "u", "p").endpoints()).containsExactly(
                new Endpoint(host, SslMode.PREFER));
        assertThatThrownBy(() -> ListenTarget.parse("jdbc:postgresql://h/db", "u", "p").options(host, SslMode.PREFER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void user_and_password_in_a_libpq_url_win_and_the_password_stays_out_of_the_display_form() {
        ListenTarget target = ListenTarget.parse("postgres://alice:p%40ss@db.example:6543/orders?sslmode=require", "x", "y");

        assertThat(target.username()).isEqualTo("alice");
        assertThat(target.password()).isEqualTo("p@ss");
        assertThat(target.hosts()).containsExactly(new HostPort("db.example", 6543));
        assertThat(target.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(target.options(target.hosts().getFirst(), SslMode.REQUIRE).getSslOptions().isTrustAll())
                .as("require encrypts without checking, as libpq").isTrue();
        assertThat(target).hasToString("postgres://alice@db.example:6543/orders?sslmode=require");
    }

    @Test
    void several_hosts_are_endpoints_in_url_order_with_the_default_port_where_none_is_given() {
        ListenTarget target = ListenTarget.parse("jdbc:postgresql://a:5433,b,[::1]:5434/db?sslmode=disable", "u", "p");

        assertThat(target.hosts()).containsExactly(new HostPort("a", 5433), new HostPort("b", 5432), new HostPort("::1", 5434));
        assertThat(target.endpoints()).extracting(Endpoint::host).containsExactlyElementsOf(target.hosts());
        assertThat(target.options(new HostPort("::1", 5434), SslMode.DISABLE).getHost()).isEqualTo("::1");
    }

    @Test
    void a_url_without_host_means_localhost_and_without_database_means_the_users_database() {
        assertThat(ListenTarget.parse("jdbc:postgresql:orders", "u", "p").hosts()).containsExactly(new HostPort("localhost", 5432));
        assertThat(ListenTarget.parse("jdbc:postgresql:orders", "u", "p").database()).isEqualTo("orders");
        assertThat(ListenTarget.parse("jdbc:postgresql://h/", "u", "p").database()).isEqualTo("u");
    }

    @Test
    void passes_server_options_and_checks_certificates_only_for_verify_modes() {
        ListenTarget target = ListenTarget.parse(
                "jdbc:postgresql://h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem&options=-c%20search_path%3Dx", "u", "p");

        assertThat(target.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        PgConnectOptions options = target.options(target.hosts().getFirst(), SslMode.VERIFY_FULL);
        assertThat(options.getSslOptions().isTrustAll()).isFalse();
        assertThat(options.getSslOptions().getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(options.getProperties()).containsEntry("options", "-c search_path=x");
    }

    @Test
    void refuses_an_unknown_sslmode() {
        assertThatThrownBy(() -> ListenTarget.parse("jdbc:postgresql://h/db?sslmode=sometimes", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sslmode=sometimes");
    }
}
