/** {@code tasker validate}: checks a template and its handlers without a database and summarizes its shape. */
package io.tasker.cli.validate;
