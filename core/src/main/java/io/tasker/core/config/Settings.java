package io.tasker.core.config;

import io.tasker.core.config.ValueType.Choice;
import io.tasker.core.config.ValueType.Decimal;
import io.tasker.core.config.ValueType.Flag;
import io.tasker.core.config.ValueType.Int;
import io.tasker.core.config.ValueType.IntList;
import io.tasker.core.config.ValueType.Text;
import io.tasker.core.template.HandlerLanguage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting and the values it accepts: the single table from which file keys, environment variable
 * names, checks and error messages all derive. Documented key by key in {@code config/tasker-core.yaml}.
 */
final class Settings {
    static final String HANDLERS = "handlers";
    static final String ENVIRONMENTS = "environments";
    static final List<String> SECTIONS = List.of("backoff", "execution", "database", "engine", "worker", HANDLERS);

    private static final Flag FLAG = new Flag();
    private static final Text ANY_TEXT = new Text(true, text -> true, "a string or null");
    private static final List<Setting> ALL = List.of(
            new Setting("backoff.default_backoff_seconds", new IntList(0)),
            new Setting("backoff.max_backoff_seconds", Int.atLeast(0)),
            new Setting("backoff.backoff_multiplier", Decimal.atLeast(0)),
            new Setting("backoff.jitter_enabled", FLAG),
            new Setting("backoff.jitter_max_percentage", new Decimal(0, 1)),
            new Setting("execution.max_concurrent_steps", Int.atLeast(1)),
            new Setting("execution.default_step_timeout_seconds", Int.atLeast(1)),
            new Setting("execution.max_apply_batch", Int.atLeast(1)),
            new Setting("execution.max_result_bytes", Int.atLeast(1)),
            new Setting("execution.orchestrator_threads", new Int(1, 64)),
            new Setting("database.url", new Text(true, Settings::isPostgresUrl,
                    "null (the embedded database) or a URL such as jdbc:postgresql://host:5432/db or postgres://user:pw@host/db")),
            new Setting("database.username", ANY_TEXT),
            new Setting("database.password", ANY_TEXT),
            new Setting("database.pool_size", Int.atLeast(1)),
            new Setting("database.connect_timeout_seconds", Int.atLeast(1)),
            new Setting("database.statement_timeout_seconds", Int.atLeast(0)),
            new Setting("database.embedded_data_directory", new Text(false, text -> !text.isBlank(), "a non-empty path")),
            new Setting("database.embedded_fsync", FLAG),
            new Setting("engine.identity_strategy", new Choice(List.of("default", "hash"))),
            new Setting("engine.strict_context_validation", FLAG),
            new Setting("worker.lease_seconds", new Int(2, 3600)),
            new Setting("worker.heartbeat_seconds", new Int(1, 1200)),
            new Setting("worker.claim_batch_size", new Int(1, 10_000)),
            new Setting("worker.max_owned_tasks", Int.atLeast(1)),
            new Setting("worker.poll_interval_ms", new Int(10, 600_000)),
            new Setting("worker.shutdown_grace_seconds", Int.atLeast(0)));

    private Settings() {
    }

    static List<Setting> all() {
        return ALL;
    }

    static Optional<Setting> at(String path) {
        return ALL.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    static Setting required(String path) {
        return at(path).orElseThrow(() -> new IllegalArgumentException("no setting " + path));
    }

    static Optional<Setting> byVariable(String variable) {
        return ALL.stream().filter(s -> s.variable().equals(variable)).findFirst();
    }

    /** The settings under a section, e.g. {@code database} or {@code handlers.python}. */
    static List<Setting> under(String section) {
        return ALL.stream().filter(s -> s.path().startsWith(section + ".")).toList();
    }

    /** The keys allowed directly under {@code section} ({@code ""} for the top level, without {@code environments}). */
    static Set<String> keysOf(String section) {
        if (section.isEmpty()) {
            return new LinkedHashSet<>(SECTIONS);
        }
        if (section.equals(HANDLERS)) {
            return new LinkedHashSet<>(HandlerLanguage.wireNames());
        }
        Function<Setting, String> firstKeyBelow = s -> s.path().substring(section.length() + 1).split("\\.")[0];
        return under(section).stream().map(firstKeyBelow).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean isPostgresUrl(String url) {
        return url.startsWith("jdbc:postgresql:") || url.startsWith("postgres://") || url.startsWith("postgresql://");
    }
}
