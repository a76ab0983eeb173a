/** Configuration: defaults from tasker-core.yaml, a user file and TASKER_* overrides, parsed strictly into immutable records. */
package io.tasker.core.config;
