package io.tasker.core.persistence;

/** JSON text that was already written (off the orchestrator thread) and is stored as it is. */
public record RawJson(String text) {
}
