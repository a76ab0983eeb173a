/**
 * Worker benchmarks (issue 4): real {@code tasker worker} processes draining a queue on a durable throwaway
 * PostgreSQL (throughput), and the pickup latency of an idle worker. Run with {@code bin/bench workers}.
 */
package io.tasker.bench.workers;
