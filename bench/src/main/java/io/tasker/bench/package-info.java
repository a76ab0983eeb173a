/** Benchmarks: the end-to-end engine harness and JMH micro-benchmarks; figures go to docs/benchmarks.md. */
package io.tasker.bench;
