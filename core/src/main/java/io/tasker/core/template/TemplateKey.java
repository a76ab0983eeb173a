package io.tasker.core.template;

/** The registry key of a task template: the same name may exist in several namespaces and versions. */
public record TemplateKey(String namespace, String name, String version) {
    @Override
    public String toString() {
        return namespace + "." + name + "@" + version;
    }
}
