package io.tasker.core.yaml;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses one YAML document into {@link YamlValue}s with SnakeYAML's node API, which keeps the line of
 * every value. Anchors, aliases and merge keys ({@code <<: *defaults}) are resolved.
 */
public final class YamlParser {

    private YamlParser() {
    }

    /**
     * Parses {@code text}; on malformed YAML adds a problem with the parser's line and returns empty.
     * Problems inside a well-formed document (duplicate keys, unsupported tags) are added too, and the
     * rest of the document is still returned so that its other problems can be found.
     *
     * @param source the file name used in positions
     */
    public static Optional<YamlValue> parse(String text, String source, Problems problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            problems.add(syntaxErrorPosition(e, source), null, "malformed YAML: " + describe(e), "well-formed YAML");
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new Position(source, 0, 0), null, "malformed YAML: " + e.getMessage(), "well-formed YAML");
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(new YamlScalar(null, new Position(source, 1, 1)));
        }
        return Optional.of(new NodeConverter(source, problems).convert(root, ""));
    }

    private static Position syntaxErrorPosition(MarkedYAMLException e, String source) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? new Position(source, 0, 0) : new Position(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        if (e.getContext() == null || e.getContext().equals(problem) || e.getContextMark() == null) {
            return problem;
        }
        return problem + " (" + e.getContext() + " that starts at line " + (e.getContextMark().getLine() + 1) + ")";
    }
}
