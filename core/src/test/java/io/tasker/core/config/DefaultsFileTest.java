package io.tasker.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.yaml.Problems;
import io.tasker.core.yaml.YamlMap;
import io.tasker.core.yaml.YamlParser;
import io.tasker.core.yaml.YamlValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** tasker-core.yaml is the documentation of the configuration: every key has to explain itself. */
class DefaultsFileTest {

    @Test
    void documents_every_key_with_a_comment_above_it_or_beside_it() throws IOException {
        List<String> lines = defaultsFile();
        List<String> undocumented = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean isKey = line.matches("\\s*[a-z_]+:.*");
            boolean documented = line.contains("#") || (i > 0 && lines.get(i - 1).strip().startsWith("#"));
            if (isKey && !documented) {
                undocumented.add((i + 1) + ": " + line);
            }
        }

        assertThat(undocumented).isEmpty();
    }

    @Test
    void writes_out_every_setting_the_loader_knows() throws IOException {
        YamlValue root = YamlParser.parse(String.join("\n", defaultsFile()), "tasker-core.yaml", new Problems()).orElseThrow();

        List<String> missing = Settings.all().stream().map(Setting::path).filter(path -> !present(root, path)).toList();

        assertThat(missing).isEmpty();
    }

    private static boolean present(YamlValue root, String path) {
        Optional<YamlValue> value = Optional.of(root);
        for (String key : path.split("\\.")) {
            value = value.flatMap(v -> v instanceof YamlMap map ? map.get(key) : Optional.empty());
        }
        return value.isPresent();
    }

    private static List<String> defaultsFile() throws IOException {
        try (InputStream in = DefaultsFileTest.class.getClassLoader().getResourceAsStream(ConfigLoader.DEFAULTS_RESOURCE)) {
            assertThat(in).as(ConfigLoader.DEFAULTS_RESOURCE + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
