/**
 * Tasker YAML task templates: loading and validation with the file, line and field in every error, the
 * registry keyed by (namespace, name, version), and validation of task contexts against a template's schema.
 */
package io.tasker.core.template;
