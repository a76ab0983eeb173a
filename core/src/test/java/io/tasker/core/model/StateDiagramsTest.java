package io.tasker.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StateDiagramsTest {

    @Test
    void docs_states_md_shows_exactly_the_transition_tables_of_the_code() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "states.md"));
        assertThat(doc).contains("```mermaid\n" + StateDiagrams.tasks() + "```");
        assertThat(doc).contains("```mermaid\n" + StateDiagrams.steps() + "```");
    }
}
