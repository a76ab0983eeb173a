/** Tasker YAML task templates: loading, validation with file and line in every error, and the registry. */
package io.tasker.core.template;
