package io.tasker.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlParserTest {
    private static final Path DIR = Path.of("src/test/resources/yaml");

    private final Problems problems = new Problems();

    @Test
    void types_scalars_as_yaml_1_1_does_with_integers_as_long() throws IOException {
        YamlMap map = (YamlMap) parse("scalars.yaml");

        assertThat(map.toPlain()).isEqualTo(plain(
                "hex", 31L, "underscored", 1000L, "big", new BigInteger("123456789012345678901234567890"), "decimal", 0.5,
                "yes_word", true, "off_word", false, "tilde", null, "empty", null, "date", "2024-05-01", "quoted_number", "42"));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void remembers_the_line_and_column_of_every_key_and_value() throws IOException {
        YamlMap map = (YamlMap) parse("scalars.yaml");

        YamlMap.Entry decimal = map.entry("decimal").orElseThrow();
        assertThat(decimal.keyPosition()).isEqualTo(new Position(DIR.resolve("scalars.yaml").toString(), 5, 1));
        assertThat(decimal.value().position().line()).isEqualTo(5);
        assertThat(decimal.value().position().column()).isEqualTo(10);
    }

    @Test
    void resolves_merge_keys_with_explicit_keys_first_then_the_merged_mappings_in_order() throws IOException {
        YamlMap map = (YamlMap) parse("merge_keys.yaml");

        assertThat(map.get("combined").orElseThrow().toPlain()).isEqualTo(Map.of("colour", "blue", "size", 1L, "weight", 3L));
        assertThat(((YamlMap) map.get("combined").orElseThrow()).entry("weight").orElseThrow().keyPosition().line()).isEqualTo(6);
    }

    @Test
    void reports_an_alias_inside_the_value_it_names() throws IOException {
        parse("recursive.yaml");

        assertThat(problems.list()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("loop[1]");
            assertThat(problem.message()).isEqualTo("an alias refers to a value that contains it, expected no recursive aliases");
        });
    }

    @Test
    void reports_numbers_that_json_cannot_hold() throws IOException {
        parse("not_a_number.yaml");

        String file = DIR.resolve("not_a_number.yaml").toString();
        assertThat(problems.list()).extracting(Problem::toString).containsExactly(
                file + ":1: ratio: got .nan, expected a finite number",
                file + ":2: limit: got -.inf, expected a finite number");
    }

    @Test
    void reads_an_empty_document_as_null() {
        assertThat(YamlParser.parse("# only a comment\n", "empty.yaml", problems)).hasValueSatisfying(value ->
                assertThat(value).isEqualTo(new YamlScalar(null, new Position("empty.yaml", 1, 1))));
    }

    @Test
    void deep_merge_replaces_values_and_lists_but_merges_mappings() throws IOException {
        YamlMap map = (YamlMap) parse("merge_keys.yaml");
        YamlMap base = (YamlMap) map.get("base").orElseThrow();
        YamlMap override = new YamlMap(List.of(
                new YamlMap.Entry("size", Position.of("test"), new YamlScalar(5L, Position.of("test"))),
                new YamlMap.Entry("nested", Position.of("test"), map.get("extra").orElseThrow())), Position.of("test"));

        YamlMap merged = base.deepMerge(override).deepMerge(new YamlMap(List.of(new YamlMap.Entry("nested", Position.of("test"),
                new YamlMap(List.of(new YamlMap.Entry("weight", Position.of("test"), new YamlScalar(9L, Position.of("test")))),
                        Position.of("test")))), Position.of("test")));

        assertThat(merged.toPlain()).isEqualTo(Map.of("colour", "red", "size", 5L, "nested", Map.of("size", 2L, "weight", 9L)));
        assertThat(merged.entry("colour").orElseThrow().keyPosition().line()).isEqualTo(2);
    }

    private YamlValue parse(String file) throws IOException {
        Path path = DIR.resolve(file);
        return YamlParser.parse(Files.readString(path), path.toString(), problems).orElseThrow();
    }

    private static Map<String, Object> plain(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
