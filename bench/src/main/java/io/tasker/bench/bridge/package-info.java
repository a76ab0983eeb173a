/**
 * Benchmarks of the polyglot bridge (issue 3): a warm no-op call through the bridge ({@code BridgeCallBenchmark}),
 * CPU-bound guest code against CRuby and CPython ({@code CpuHandlerBenchmark} and {@code bench/scripts/cpu_native.*}),
 * context creation and memory ({@code ContextBench}), and the same diamond tasks end to end in Java, Ruby and Python
 * ({@code BridgeEngineBench}). Figures: docs/benchmarks.md, "Polyglot bridge (issue 3)".
 */
package io.tasker.bench.bridge;
