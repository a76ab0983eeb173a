package io.tasker.bridge.handle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML files under the handler roots, parsed for guest code (Ruby's {@code ConfiguredTask} reads its template this
 * way: TruffleRuby's own YAML parser is a C extension that works in the first Ruby context of a JVM only). Files
 * outside the roots are refused, symbolic links followed first, so a handle cannot be used to read the host.
 */
public final class HandlerFiles {
    private final List<Path> roots;

    public HandlerFiles(List<Path> handlerRoots) {
        this.roots = handlerRoots.stream().filter(Files::isDirectory).map(HandlerFiles::realPath).toList();
    }

    /**
     * The file's single YAML document as JSON-shaped data: string-keyed maps, lists, strings, booleans, longs, big
     * integers, doubles and null; timestamps become ISO-8601 text.
     *
     * @throws IllegalArgumentException when the file is outside the handler roots or holds what JSON cannot
     */
    public Object readYaml(String path) {
        Path file = inside(path);
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return jsonShaped(document, file + ":");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Path inside(String path) {
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        Path real = realPath(file);
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new IllegalArgumentException(file + " is outside the handler roots " + roots
                    + ": guest code reads YAML files of the handler roots only");
        }
        return real;
    }

    private static Object jsonShaped(Object value, String path) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Integer number -> number.longValue();
            case Long number -> number;
            case BigInteger number -> number.bitLength() < 64 ? (Object) number.longValue() : number;
            case Double number -> number;
            case Date time -> time.toInstant().toString();
            case Map<?, ?> map -> map(map, path);
            case List<?> list -> list(list, path);
            default -> throw new IllegalArgumentException(path + " holds a YAML " + value.getClass().getSimpleName()
                    + ", which has no JSON form (use a mapping, a sequence or a scalar)");
        };
    }

    private static Map<String, Object> map(Map<?, ?> map, String path) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        map.forEach((key, item) -> shaped.put(String.valueOf(key), jsonShaped(item, path + " " + key)));
        return shaped;
    }

    private static List<Object> list(List<?> list, String path) {
        List<Object> shaped = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            shaped.add(jsonShaped(list.get(i), path + " [" + i + "]"));
        }
        return shaped;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }
}
