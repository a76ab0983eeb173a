# frozen_string_literal: true

require 'bigdecimal'
require 'set'
require 'time'
require 'date'

module RubyHandlers
  # Returns, per its handler_config's kind, one value of each shape the converter must handle.
  class Returns
    VALUES = {
      'symbols' => ->(_step) { { status: :shipped, 'tags' => %i[fast cheap] } },
      'nested' => ->(_step) { { orders: [{ id: 1, lines: [{ sku: 'a', qty: 2 }] }, { id: 2, lines: [] }] } },
      'big_integer' => ->(_step) { { big: 2**70, negative: -(2**64), small: 7 } },
      'floats' => ->(_step) { { two: 2.0, half: 0.5, big_float: 1e20 } },
      'time' => lambda { |_step|
        { utc: Time.utc(2026, 3, 1, 10, 0, 0), offset: Time.new(2026, 3, 1, 10, 0, 0, '+01:00'),
          date: Date.new(2026, 3, 1) }
      },
      'big_decimal' => ->(_step) { { price: BigDecimal('19.90'), tiny: BigDecimal('0.000001') } },
      'inputs' => ->(step) { step.inputs },
      'nan' => ->(_step) { { ratio: Float::NAN } },
      'set' => ->(_step) { { tags: Set[1, 2] } },
      'object' => ->(_step) { { thing: Object.new } },
      'cycle' => ->(_step) { Array.new(1).tap { |items| items[0] = items } },
      'cyclic_hash' => ->(_step) { {}.tap { |hash| hash['self'] = hash } },
      'ten_megabytes' => ->(_step) { { blob: 'x' * (10 * 1024 * 1024), rows: (1..1000).map { |i| "row #{i}" } } },
      'no_op' => ->(_step) { {} },
      'java_system' => ->(_step) { { home: Java.type('java.lang.System').getProperty('user.home') } }
    }.freeze

    def initialize(config: nil)
      @config = config
    end

    def process(_task, _sequence, step)
      VALUES.fetch(@config['kind']).call(step)
    end
  end
end
