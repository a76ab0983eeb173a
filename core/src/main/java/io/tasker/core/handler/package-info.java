/** The language-neutral step handler SPI: handlers, their views of task, sequence and step, and failures. */
package io.tasker.core.handler;
