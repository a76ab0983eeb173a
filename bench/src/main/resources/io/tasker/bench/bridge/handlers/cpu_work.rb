# frozen_string_literal: true

# CPU-bound handler code for issue 3's speed comparison. The same file runs in TruffleRuby (through the bridge,
# bench/src/main/java/io/tasker/bench/bridge/CpuHandlerBenchmark.java) and in CRuby (bench/scripts/cpu_native.rb);
# cpu_work.py is its line-for-line Python twin. Plain Ruby and the json standard library only.
require 'json'

module CpuWork
  COUNT = 1_000_000
  ORDERS = 230 # gives a document of about 100 KB

  module_function

  # (a) A loop over 10^6 integers: branch, multiply, add.
  def loop_sum(count = COUNT)
    total = 0
    count.times do |i|
      if i % 3 == 0
        total += i * i
      else
        total -= i
      end
    end
    total
  end

  # (a') The same integers as a collection: map, filter, sum over a list built once.
  def pipeline(numbers = numbers())
    numbers.map { |x| x * x % 1000 }.select(&:even?).sum
  end

  def numbers
    @numbers ||= (0...COUNT).to_a
  end

  # (b) Parse and generate a JSON document of about 100 KB; returns the size of the generated text.
  def json_round_trip(text = document_text)
    JSON.generate(JSON.parse(text)).bytesize
  end

  def document_text
    @document_text ||= JSON.generate(document)
  end

  # A deterministic document (orders with customers, lines, tags): byte for byte the same as cpu_work.py makes.
  def document
    seed = 42
    random = lambda do |bound|
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      seed % bound
    end
    statuses = %w[pending paid packed shipped delivered returned]
    words = %w[alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima]
    orders = (0...ORDERS).map do |id|
      lines = (0...(1 + random.call(5))).map do |line|
        { 'sku' => format('SKU-%05d', random.call(100_000)), 'line' => line, 'quantity' => 1 + random.call(9),
          'unit_price' => random.call(100_000) / 100.0,
          'tags' => (0...random.call(4)).map { words[random.call(words.size)] } }
      end
      { 'id' => id, 'status' => statuses[random.call(statuses.size)],
        'customer' => { 'id' => random.call(1_000_000), 'name' => "customer #{words[random.call(words.size)]} #{id}",
                        'email' => "c#{id}@example.com", 'vip' => random.call(10).zero? },
        'lines' => lines,
        'total_cents' => lines.sum { |l| l['quantity'] * (l['unit_price'] * 100).round },
        'note' => random.call(3).zero? ? nil : "deliver to door #{random.call(500)}, ring twice" }
    end
    { 'generated_by' => 'tasker-bench', 'version' => 1, 'orders' => orders }
  end
end
