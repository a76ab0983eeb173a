# frozen_string_literal: true

# Times cpu_work.rb (the CPU-bound handler code of CpuHandlerBenchmark) on the Ruby running this script (CRuby), the
# way JMH times it in TruffleRuby: warm-up iterations, then measurement iterations of a fixed length, each giving
# milliseconds per call; prints the mean and the range of the measurement iterations.
#
#   ruby bench/scripts/cpu_native.rb [loop] [pipeline] [json] [--warmup 3] [--iterations 5] [--seconds 2]
require_relative '../src/main/resources/io/tasker/bench/bridge/handlers/cpu_work'

EXPECTED = { 'loop' => 111_110_944_444_944_444, 'pipeline' => 245_000_000, 'json' => 100_086 }.freeze
OPS = { 'loop' => -> { CpuWork.loop_sum }, 'pipeline' => -> { CpuWork.pipeline },
        'json' => -> { CpuWork.json_round_trip } }.freeze

def option(args, name, default)
  index = args.index("--#{name}")
  return default unless index

  value = args.delete_at(index + 1)
  args.delete_at(index)
  Float(value)
end

def iteration(work, seconds)
  clock = -> { Process.clock_gettime(Process::CLOCK_MONOTONIC) }
  start = clock.call
  calls = 0
  elapsed = 0.0
  while elapsed < seconds
    work.call
    calls += 1
    elapsed = clock.call - start
  end
  elapsed * 1000.0 / calls
end

args = ARGV.dup
warmup = option(args, 'warmup', 3).to_i
iterations = option(args, 'iterations', 5).to_i
seconds = option(args, 'seconds', 2)
ops = args.empty? ? OPS.keys : args
yjit = defined?(RubyVM::YJIT) && RubyVM::YJIT.enabled? ? ' +YJIT' : ''
runtime = "#{RUBY_ENGINE == 'ruby' ? 'CRuby' : RUBY_ENGINE} #{RUBY_VERSION}#{yjit}"
ops.each do |op|
  work = OPS.fetch(op)
  value = work.call
  raise "#{op} returned #{value}, expected #{EXPECTED[op]}" unless value == EXPECTED[op]

  warmup.times { |i| warn format('%s %s warm-up %d: %.3f ms/op', runtime, op, i + 1, iteration(work, seconds)) }
  times = Array.new(iterations) { iteration(work, seconds) }
  puts format('%s %s: %.3f ms/op (mean of %d x %gs; min %.3f, max %.3f)', runtime, op, times.sum / times.size,
              iterations, seconds, times.min, times.max)
end
