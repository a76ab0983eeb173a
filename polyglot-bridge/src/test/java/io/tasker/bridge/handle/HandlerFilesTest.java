package io.tasker.bridge.handle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerFilesTest {
    @TempDir
    Path tmp;

    private Path root() throws IOException {
        return Files.createDirectories(tmp.resolve("app_root/config/tasker/tasks")).getParent().getParent().getParent();
    }

    @Test
    void a_yaml_file_under_a_root_comes_back_as_json_shaped_data() throws IOException {
        Path root = root();
        Path file = Files.writeString(root.resolve("config/tasker/tasks/order.yaml"), """
                defaults: &defaults
                  retries: 3
                name: order
                version: 1.0.0
                big: 123456789012345678901
                ratio: 0.5
                placed_at: 2026-03-01T10:00:00Z
                1: numbered key
                steps:
                  - <<: *defaults
                    name: pay
                """);

        Object parsed = new HandlerFiles(List.of(root)).readYaml(file.toString());

        assertThat(parsed).isEqualTo(Map.of("defaults", Map.of("retries", 3L), "name", "order", "version", "1.0.0",
                "big", new BigInteger("123456789012345678901"), "ratio", 0.5, "placed_at", "2026-03-01T10:00:00Z",
                "1", "numbered key", "steps", List.of(Map.of("retries", 3L, "name", "pay"))));
    }

    @Test
    void a_file_outside_the_roots_is_refused() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.yaml"), "password: hunter2\n");

        assertThatThrownBy(() -> new HandlerFiles(List.of(root())).readYaml(outside.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the handler roots");
    }

    @Test
    void a_path_that_climbs_out_of_a_root_or_a_link_that_points_out_is_refused() throws IOException {
        Path root = root();
        Files.writeString(tmp.resolve("secret.yaml"), "password: hunter2\n");
        Path link = Files.createSymbolicLink(root.resolve("config/linked.yaml"), tmp.resolve("secret.yaml"));
        HandlerFiles files = new HandlerFiles(List.of(root));

        assertThatThrownBy(() -> files.readYaml(root.resolve("config/../../secret.yaml").toString()))
                .hasMessageContaining("outside the handler roots");
        assertThatThrownBy(() -> files.readYaml(link.toString())).hasMessageContaining("outside the handler roots");
    }

    @Test
    void yaml_that_json_cannot_hold_is_refused_naming_where() throws IOException {
        Path root = root();
        Path file = Files.writeString(root.resolve("config/odd.yaml"), "tags: !!set {a, b}\n");

        assertThatThrownBy(() -> new HandlerFiles(List.of(root)).readYaml(file.toString()))
                .hasMessageContaining("odd.yaml: tags").hasMessageContaining("no JSON form");
    }

    @Test
    void a_missing_file_is_named() throws IOException {
        Path root = root();

        assertThatThrownBy(() -> new HandlerFiles(List.of(root)).readYaml(root.resolve("config/none.yaml").toString()))
                .hasMessageContaining("no such file").hasMessageContaining("none.yaml");
    }
}
