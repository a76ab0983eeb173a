/**
 * The operator commands {@code cancel}, {@code retry}, {@code resolve} and {@code reset-step}: each checks the
 * task as stored, loads its template from the database and asks the engine, which audits the change as
 * transitions whose metadata name the actor ({@code cli:user@host}) and the reason.
 */
package io.tasker.cli.operate;
