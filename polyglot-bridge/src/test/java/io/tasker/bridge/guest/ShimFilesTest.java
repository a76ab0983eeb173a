package io.tasker.bridge.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shim on the class path is copied once to a cache folder named by its contents. */
class ShimFilesTest {

    @Test
    void the_files_of_the_manifest_are_copied_once_into_a_folder_named_by_their_contents(@TempDir Path cache)
            throws Exception {
        ClassLoader loader = ShimFilesTest.class.getClassLoader();

        Path first = ShimFiles.extract(loader, "io/tasker/bridge/testshim/", "ruby-shim", cache);
        Path again = ShimFiles.extract(loader, "io/tasker/bridge/testshim", "ruby-shim", cache);

        assertThat(again).isEqualTo(first);
        assertThat(first.getFileName().toString()).matches("ruby-shim-[0-9a-f]{16}");
        assertThat(first.resolve("tasker/bridge.rb")).content().contains("module Bridge");
        assertThat(Files.list(cache)).containsExactly(first);
    }

    @Test
    void a_changed_shim_lands_in_a_new_folder(@TempDir Path cache, @TempDir Path classes) throws Exception {
        Files.writeString(classes.resolve("MANIFEST"), "# the shim\nlib/a.rb\n");
        Files.createDirectories(classes.resolve("lib"));
        Files.writeString(classes.resolve("lib/a.rb"), "A = 1\n");
        Path before = extract(classes, cache);

        Files.writeString(classes.resolve("lib/a.rb"), "A = 2\n");
        Path after = extract(classes, cache);

        assertThat(after).isNotEqualTo(before);
        assertThat(before.resolve("lib/a.rb")).hasContent("A = 1");
        assertThat(after.resolve("lib/a.rb")).hasContent("A = 2");
    }

    @Test
    void a_missing_manifest_or_file_is_named(@TempDir Path cache, @TempDir Path classes) throws Exception {
        assertThatThrownBy(() -> extract(classes, cache)).hasMessageContaining("MANIFEST is missing");

        Files.writeString(classes.resolve("MANIFEST"), "gone.rb\n");
        assertThatThrownBy(() -> extract(classes, cache)).hasMessageContaining("gone.rb is missing");
    }

    private static Path extract(Path classes, Path cache) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            return ShimFiles.extract(loader, "", "shim", cache);
        }
    }
}
