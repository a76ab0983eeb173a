/** JMH benchmarks of the polyglot bridge: a warm call of a Ruby or Python handler, proxies in and result out. */
package io.tasker.bench.bridge;
