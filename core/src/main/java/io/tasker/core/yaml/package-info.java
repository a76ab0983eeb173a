/**
 * YAML read with SnakeYAML's node API into small immutable values that remember their file, line and
 * column, so that templates and configuration can report every problem where it was written.
 */
package io.tasker.core.yaml;
