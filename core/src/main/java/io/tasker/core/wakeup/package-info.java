/** Waking idle workers: one dedicated LISTEN connection per process whose callback fires when work may be ready; NOTIFY is a hint, claims still use SKIP LOCKED. */
package io.tasker.core.wakeup;
