# frozen_string_literal: true

module ActiveSupport
  # `5.minutes`: a length of time in seconds that can be added to a Time or turned into one
  # (`from_now`, `ago`). Months and years are left out: Tasker handlers use seconds to days.
  class Duration
    include Comparable

    UNITS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400, weeks: 604_800 }.freeze

    attr_reader :value

    def self.build(amount, unit)
      new(amount * UNITS.fetch(unit), [[unit, amount]])
    end

    def initialize(value, parts)
      @value = value
      @parts = parts
    end

    def parts
      @parts.to_h
    end

    def since(time = ::Time.current)
      time + value
    end
    alias from_now since
    alias after since

    def ago(time = ::Time.current)
      time - value
    end
    alias until ago
    alias before ago

    def to_i
      value.to_i
    end

    def to_f
      value.to_f
    end

    def to_r
      value.to_r
    end

    def in_seconds
      value
    end

    def in_minutes
      value / 60.0
    end

    def in_hours
      value / 3600.0
    end

    def in_days
      value / 86_400.0
    end

    def <=>(other)
      value <=> (other.is_a?(Duration) ? other.value : other)
    end

    def ==(other)
      other.is_a?(Duration) ? value == other.value : value == other
    end
    alias eql? ==

    def hash
      value.hash
    end

    def +(other)
      return Duration.new(value + other.value, @parts + other.parts.to_a) if other.is_a?(Duration)

      Duration.new(value + other, @parts + [[:seconds, other]])
    end

    def -(other)
      self + -other
    end

    def -@
      Duration.new(-value, @parts.map { |unit, amount| [unit, -amount] })
    end

    def *(other)
      Duration.new(value * other, @parts.map { |unit, amount| [unit, amount * other] })
    end

    def /(other)
      other.is_a?(Duration) ? value / other.value : Duration.new(value / other, [[:seconds, value / other]])
    end

    def coerce(other)
      [Duration.new(other, [[:seconds, other]]), self]
    end

    def is_a?(klass)
      klass == Numeric || super
    end
    alias kind_of? is_a?

    def to_s
      value.to_s
    end

    def inspect
      return '0 seconds' if @parts.empty?

      @parts.group_by(&:first).map do |unit, entries|
        amount = entries.sum(&:last)
        "#{amount} #{amount == 1 ? unit.to_s.chomp('s') : unit}"
      end.join(', ')
    end

    def iso8601
      "PT#{value}S"
    end

    def as_json(*)
      to_i
    end
  end
end

class Numeric
  ActiveSupport::Duration::UNITS.each_key do |unit|
    define_method(unit) { ActiveSupport::Duration.build(self, unit) }
    define_method(unit.to_s.chomp('s')) { ActiveSupport::Duration.build(self, unit) }
  end

  def in_milliseconds
    self * 1000
  end
end

# Time arithmetic with durations, the way ActiveSupport makes `Time.now + 5.minutes` work.
class Time
  alias_method :__tasker_plus_without_duration, :+
  alias_method :__tasker_minus_without_duration, :-
  private :__tasker_plus_without_duration, :__tasker_minus_without_duration

  def +(other)
    __tasker_plus_without_duration(other.is_a?(ActiveSupport::Duration) ? other.value : other)
  end

  def -(other)
    __tasker_minus_without_duration(other.is_a?(ActiveSupport::Duration) ? other.value : other)
  end
end

class Date
  alias_method :__tasker_plus_without_duration, :+
  alias_method :__tasker_minus_without_duration, :-
  private :__tasker_plus_without_duration, :__tasker_minus_without_duration

  def +(other)
    return __tasker_plus_without_duration(other) unless other.is_a?(ActiveSupport::Duration)

    __tasker_plus_without_duration(Rational(other.value, 86_400))
  end

  def -(other)
    return __tasker_minus_without_duration(other) unless other.is_a?(ActiveSupport::Duration)

    __tasker_minus_without_duration(Rational(other.value, 86_400))
  end
end
