# frozen_string_literal: true

module ActiveSupport
  # `Time.zone` of an application configured for UTC, Rails' default and what Tasker assumes: times
  # come back as UTC Time values (with iso8601, to_date, strftime from the standard library).
  class TimeZone
    UTC_NAMES = %w[UTC Etc/UTC GMT Etc/GMT Z].freeze

    def self.[](name)
      return name if name.is_a?(TimeZone)
      raise ArgumentError, "Tasker JVM runs handlers in UTC; time zone #{name.inspect} is not available" unless UTC_NAMES.include?(name.to_s)

      UTC
    end

    def name
      'UTC'
    end
    alias tzinfo name

    def utc_offset
      0
    end

    def to_s
      '(GMT+00:00) UTC'
    end

    def now
      ::Time.now.utc
    end

    def today
      now.to_date
    end

    def at(*args)
      ::Time.at(*args).utc
    end

    def local(*args)
      ::Time.utc(*args)
    end

    def parse(string, now = nil)
      time = ::Time.parse(string, now || self.now)
      explicit_offset?(string) ? time.utc : ::Time.utc(time.year, time.month, time.day, time.hour, time.min, time.sec + time.subsec)
    end

    def iso8601(string)
      ::Time.iso8601(string).utc
    end

    private

    def explicit_offset?(string)
      Date._parse(string).key?(:offset)
    end

    UTC = new
  end
end

class Time
  class << self
    def zone
      ActiveSupport::TimeZone::UTC
    end

    def zone=(name)
      ActiveSupport::TimeZone[name]
    end

    def current
      now.utc
    end
  end

  # Pure-Ruby conversions: the date library's C versions call back into Ruby, and TruffleRuby 25.0 breaks such
  # callbacks in every context of a JVM after the first (the engine pools contexts).
  def to_date
    ::Date.new(year, month, day)
  end

  def to_datetime
    ::DateTime.new(year, month, day, hour, min, sec + subsec, Rational(utc_offset, 86_400))
  end

  def in_time_zone(_zone = nil)
    getutc
  end

  def beginning_of_day
    change_clock(0, 0, 0)
  end

  def end_of_day
    change_clock(23, 59, Rational(59_999_999_999, 1_000_000_000))
  end

  def to_fs(format = :default)
    format == :db ? utc.strftime('%Y-%m-%d %H:%M:%S') : to_s
  end

  private

  def change_clock(hour, min, sec)
    utc? ? ::Time.utc(year, month, day, hour, min, sec) : ::Time.new(year, month, day, hour, min, sec, utc_offset)
  end
end

class Date
  def self.current
    now = ::Time.now.utc
    new(now.year, now.month, now.day)
  end

  def self.yesterday
    current - 1
  end

  def self.tomorrow
    current + 1
  end
end

class DateTime
  def self.current
    ::Time.current.to_datetime
  end
end
