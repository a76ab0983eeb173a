/**
 * The language-neutral handler SPI: step handlers, their views of task, sequence and step, failures, and the
 * task-level hooks of task handler classes.
 */
package io.tasker.core.handler;
