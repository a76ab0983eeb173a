package io.tasker.core.model;

import java.util.StringJoiner;

/** Mermaid state diagrams drawn from the transition tables themselves, so docs/states.md cannot drift from the code. */
public final class StateDiagrams {
    private StateDiagrams() {
    }

    public static String tasks() {
        StringJoiner lines = new StringJoiner("\n", "stateDiagram-v2\n", "\n");
        lines.add("    [*] --> pending");
        for (TaskState from : TaskState.values()) {
            for (TaskState to : TaskState.values()) {
                if (from.canTransitionTo(to)) {
                    lines.add("    " + from.dbName() + " --> " + to.dbName());
                }
            }
        }
        return lines.toString();
    }

    public static String steps() {
        StringJoiner lines = new StringJoiner("\n", "stateDiagram-v2\n", "\n");
        lines.add("    [*] --> pending");
        for (StepState from : StepState.values()) {
            for (StepState to : StepState.values()) {
                if (from.canTransitionTo(to)) {
                    lines.add("    " + from.dbName() + " --> " + to.dbName());
                }
            }
            if (from.isTerminal()) {
                lines.add("    " + from.dbName() + " --> [*]");
            }
        }
        return lines.toString();
    }
}
