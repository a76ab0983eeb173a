package io.tasker.core.persistence;

import java.util.List;

/** Catalogue ids of a registered template: its named task and, in template order, its named steps. */
public record TemplateIds(int namedTaskId, List<Integer> namedStepIds) {
    public TemplateIds {
        namedStepIds = List.copyOf(namedStepIds);
    }
}
