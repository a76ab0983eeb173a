package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shim's JSON (Tasker::FastJson under the stdlib's JSON API) against the stdlib's pure-Ruby parser and
 * generator, in one real TruffleRuby context: {@code src/test/resources/ruby/json_compat.rb} runs both on a
 * generated corpus, malformed and mutated texts, and parse and generate options, and reports what differs.
 */
class RubyFastJsonTest {
    private static RubyShim ruby;

    @BeforeAll
    static void start() {
        ruby = RubyShim.start(List.of());
    }

    @AfterAll
    static void stop() {
        ruby.close();
    }

    @Test
    void parse_and_generate_give_what_the_stdlib_gives_values_and_errors_alike() throws Exception {
        // Loaded from the file: TruffleRuby misplaces source sections of a String source with characters beyond the BMP.
        Path script = Path.of("src/test/resources/ruby/json_compat.rb").toAbsolutePath();
        Map<?, ?> report = (Map<?, ?>) ruby.eval("load '" + script + "'; JsonCompat.run");

        assertThat(report.get("installed")).isEqualTo(true);
        assertThat((List<?>) report.get("differences")).isEmpty();
        assertThat((Long) report.get("values")).isGreaterThan(2000L);
        assertThat((Long) report.get("errors")).isGreaterThan(500L);
    }

    @Test
    void handlers_see_the_stdlib_api_with_its_errors() {
        assertThat(ruby.eval("""
                [JSON.parse('{"a":[1,2.5,"\\u00e9",null,true]}').inspect, JSON.parse('{"a":1}', symbolize_names: true).inspect,
                 JSON.generate({ 'a' => [1, 'x/"y'] }), { 'b' => nil }.to_json, JSON.pretty_generate({ 'c' => [1] }),
                 (JSON.parse('[1,]') rescue $!.class.name), (JSON.generate([Float::NAN]) rescue $!.class.name)]
                """)).isEqualTo(List.of("{\"a\"=>[1, 2.5, \"é\", nil, true]}", "{:a=>1}", "{\"a\":[1,\"x/\\\"y\"]}",
                "{\"b\":null}", "{\n  \"c\": [\n    1\n  ]\n}", "JSON::ParserError", "JSON::GeneratorError"));
    }
}
