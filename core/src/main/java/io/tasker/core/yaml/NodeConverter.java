package io.tasker.core.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Turns one composed SnakeYAML node tree into {@link YamlValue}s, adding a problem for what YAML allows but we don't. */
final class NodeConverter {
    private static final Set<Tag> CONSTRUCTED_SCALARS = Set.of(Tag.NULL, Tag.BOOL, Tag.INT, Tag.FLOAT);
    private static final Set<Tag> TEXT_SCALARS = Set.of(Tag.STR, Tag.TIMESTAMP);
    private static final String PLAIN_VALUES = "plain YAML values (strings, numbers, booleans, lists and mappings)";

    private final String source;
    private final Problems problems;
    private final ScalarConstructor scalars = new ScalarConstructor();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    NodeConverter(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    YamlValue convert(Node node, String path) {
        if (!inProgress.add(node)) {
            problems.add(position(node), fieldName(path), "an alias refers to a value that contains it", "no recursive aliases");
            return new YamlScalar(null, position(node));
        }
        try {
            return switch (node) {
                case MappingNode mapping -> mapping(mapping, path);
                case SequenceNode sequence -> sequence(sequence, path);
                case ScalarNode scalar -> scalar(scalar, path);
                default -> throw new IllegalStateException("unexpected YAML node " + node.getNodeId());
            };
        } finally {
            inProgress.remove(node);
        }
    }

    private YamlMap mapping(MappingNode node, String path) {
        checkTag(node, Tag.MAP, path);
        Map<String, YamlMap.Entry> explicit = new LinkedHashMap<>();
        List<YamlMap> mergedIn = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                mergedIn.addAll(mergeSources(tuple.getValueNode(), path));
            } else {
                explicitEntry(tuple, path, explicit);
            }
        }
        return new YamlMap(withMergedEntries(explicit, mergedIn), position(node));
    }

    private void explicitEntry(NodeTuple tuple, String path, Map<String, YamlMap.Entry> entries) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
            problems.add(position(tuple.getKeyNode()), fieldName(path), "a list or mapping used as a key", "a plain key");
            return;
        }
        String key = keyNode.getValue();
        YamlMap.Entry first = entries.get(key);
        if (first != null) {
            problems.add(position(keyNode), child(path, key),
                    "the key appears twice in the same mapping (first at line " + first.keyPosition().line() + ")", "each key once");
            return;
        }
        entries.put(key, new YamlMap.Entry(key, position(keyNode), convert(tuple.getValueNode(), child(path, key))));
    }

    /** YAML merge keys: explicit keys win, then the merged mappings in the order they are listed. */
    private static List<YamlMap.Entry> withMergedEntries(Map<String, YamlMap.Entry> explicit, List<YamlMap> mergedIn) {
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        mergedIn.forEach(map -> map.entries().forEach(e -> entries.putIfAbsent(e.key(), e)));
        entries.keySet().removeAll(explicit.keySet());
        List<YamlMap.Entry> result = new ArrayList<>(explicit.values());
        result.addAll(entries.values());
        return result;
    }

    private List<YamlMap> mergeSources(Node value, String path) {
        List<Node> sources = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
        List<YamlMap> maps = new ArrayList<>();
        for (Node source : sources) {
            if (convert(source, child(path, "<<")) instanceof YamlMap map) {
                maps.add(map);
            } else {
                problems.add(position(source), child(path, "<<"), "a merge key refers to something that is not a mapping",
                        "a mapping or a list of mappings");
            }
        }
        return maps;
    }

    private YamlList sequence(SequenceNode node, String path) {
        checkTag(node, Tag.SEQ, path);
        List<YamlValue> items = new ArrayList<>();
        for (Node item : node.getValue()) {
            items.add(convert(item, path + "[" + items.size() + "]"));
        }
        return new YamlList(items, position(node));
    }

    private YamlScalar scalar(ScalarNode node, String path) {
        Tag tag = node.getTag();
        if (CONSTRUCTED_SCALARS.contains(tag)) {
            return new YamlScalar(normalized(scalars.construct(node), node, path), position(node));
        }
        if (!TEXT_SCALARS.contains(tag)) {
            problems.add(position(node), fieldName(path), "unsupported YAML tag " + tag.getValue(), PLAIN_VALUES);
        }
        return new YamlScalar(node.getValue(), position(node));
    }

    private Object normalized(Object value, ScalarNode node, String path) {
        return switch (value) {
            case Integer small -> small.longValue();
            case BigInteger big when big.bitLength() < Long.SIZE -> big.longValue();
            case Double number when number.isNaN() || number.isInfinite() -> {
                problems.add(position(node), fieldName(path), "got " + node.getValue(), "a finite number");
                yield null;
            }
            case null, default -> value;
        };
    }

    private void checkTag(Node node, Tag expected, String path) {
        if (!node.getTag().equals(expected)) {
            problems.add(position(node), fieldName(path), "unsupported YAML tag " + node.getTag().getValue(), PLAIN_VALUES);
        }
    }

    private Position position(Node node) {
        return new Position(source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String fieldName(String path) {
        return path.isEmpty() ? null : path;
    }

    /** Exposes SafeConstructor's scalar resolution (hex and octal integers, {@code .5}, {@code yes}/{@code no}, ...). */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}
