package io.tasker.core.engine;

import io.tasker.core.model.TaskState;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One task loaded in memory: its DAG (fixed by the template), the current record of every step and the
 * task's own state. Owned by the orchestrator thread; handlers only ever see immutable snapshots.
 * Changes are made on a working copy and kept only when the database accepted them.
 */
final class TaskGraph {
    private final TaskInfo info;
    private final TaskTemplate template;
    private final int[][] parents;
    private final int[][] children;
    private final Map<String, Integer> indexByName;
    private final List<List<String>> parentNames;

    private StepRecord[] steps;
    private TaskState state;
    private int sortKey;
    private Instant nextRunAt;

    private StepRecord[] draftSteps;
    private TaskState draftState;
    private int draftSortKey;
    private Instant draftNextRunAt;

    TaskGraph(TaskInfo info, TaskTemplate template, StepRecord[] steps, TaskState state, int sortKey, Instant nextRunAt) {
        this.info = info;
        this.nextRunAt = nextRunAt;
        this.template = template;
        this.steps = steps;
        this.state = state;
        this.sortKey = sortKey;
        this.indexByName = new HashMap<>();
        List<StepTemplate> templates = template.stepTemplates();
        for (int i = 0; i < templates.size(); i++) {
            indexByName.put(templates.get(i).name(), i);
        }
        this.parents = new int[templates.size()][];
        List<List<Integer>> childLists = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            childLists.add(new ArrayList<>());
        }
        for (int i = 0; i < templates.size(); i++) {
            List<String> deps = templates.get(i).dependsOn();
            parents[i] = new int[deps.size()];
            for (int p = 0; p < deps.size(); p++) {
                int parent = indexByName.get(deps.get(p));
                parents[i][p] = parent;
                childLists.get(parent).add(i);
            }
        }
        this.parentNames = templates.stream().map(t -> List.copyOf(t.dependsOn())).toList();
        this.children = new int[templates.size()][];
        for (int i = 0; i < templates.size(); i++) {
            children[i] = childLists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    long taskId() {
        return info.taskId();
    }

    TaskInfo info() {
        return info;
    }

    TaskTemplate template() {
        return template;
    }

    int size() {
        return parents.length;
    }

    int[] parentsOf(int index) {
        return parents[index];
    }

    List<String> parentNamesOf(int index) {
        return parentNames.get(index);
    }

    int[] childrenOf(int index) {
        return children[index];
    }

    Integer indexOf(String stepName) {
        return indexByName.get(stepName);
    }

    StepTemplate stepTemplate(int index) {
        return template.stepTemplates().get(index);
    }

    String stepName(int index) {
        return template.stepTemplates().get(index).name();
    }

    /** The current (or, while editing, the draft) record of a step. */
    StepRecord step(int index) {
        return (draftSteps != null ? draftSteps : steps)[index];
    }

    /** The current (or, while editing, the draft) records of all steps. */
    StepRecord[] currentSteps() {
        return draftSteps != null ? draftSteps : steps;
    }

    /** The committed records; a handler's sequence is built from these. */
    StepRecord[] committedSteps() {
        return steps;
    }

    TaskState state() {
        return draftSteps != null ? draftState : state;
    }

    Instant nextRunAt() {
        return draftSteps != null ? draftNextRunAt : nextRunAt;
    }

    void scheduleNextRun(Instant at) {
        draftNextRunAt = at;
    }

    int sortKey() {
        return draftSteps != null ? draftSortKey : sortKey;
    }

    boolean dependenciesSatisfied(int index) {
        for (int parent : parents[index]) {
            if (!step(parent).state().satisfiesDependency()) {
                return false;
            }
        }
        return true;
    }

    boolean isReady(int index, Instant now) {
        return Readiness.isReady(step(index), dependenciesSatisfied(index), now);
    }

    void beginEdit() {
        if (draftSteps == null) {
            draftSteps = steps.clone();
            draftState = state;
            draftSortKey = sortKey;
            draftNextRunAt = nextRunAt;
        }
    }

    boolean editing() {
        return draftSteps != null;
    }

    void put(StepRecord record) {
        draftSteps[record.index()] = record;
    }

    /** Moves the task to {@code next} in the draft and returns the sort key of the new transition row. */
    int moveTask(TaskState next) {
        draftState = draftState.transitionTo(next);
        draftSortKey = draftSortKey + 10;
        return draftSortKey;
    }

    void commitEdit() {
        if (draftSteps != null) {
            steps = draftSteps;
            state = draftState;
            sortKey = draftSortKey;
            nextRunAt = draftNextRunAt;
            draftSteps = null;
        }
    }

    void abortEdit() {
        draftSteps = null;
    }
}
