# frozen_string_literal: true

module Tasker
  module Bridge
    # Turns the engine's read-only Java data (proxies over maps, lists, strings, numbers) into the Ruby
    # values a Tasker handler expects after a database reload: Strings, Integers, Floats, and
    # string-keyed hashes with indifferent access, nested ones and those inside arrays included.
    module Foreign
      INTEROP = Truffle::Interop
      MAX_DEPTH = 256

      module_function

      def to_ruby(value, depth = 0)
        return value unless INTEROP.foreign?(value)
        raise ArgumentError, "engine data nested deeper than #{MAX_DEPTH} levels" if depth > MAX_DEPTH

        foreign_to_ruby(value, depth)
      end

      def foreign_to_ruby(value, depth)
        if INTEROP.null?(value) then nil
        elsif INTEROP.string?(value) then value.to_str
        elsif INTEROP.boolean?(value) then INTEROP.as_boolean(value)
        elsif INTEROP.number?(value) then number(value)
        elsif INTEROP.has_hash_entries?(value) then hash(value, depth)
        elsif INTEROP.has_array_elements?(value) then value.map { |item| to_ruby(item, depth + 1) }
        elsif INTEROP.instant?(value) then time(value)
        else value
        end
      end

      def hash(value, depth)
        result = ActiveSupport::HashWithIndifferentAccess.new
        return result if INTEROP.hash_size(value).zero?

        value.each { |key, item| result.store_converted(key.to_s, to_ruby(item, depth + 1)) }
        result
      end

      def number(value)
        return INTEROP.unbox(value) if INTEROP.fits_in_long?(value) || INTEROP.fits_in_big_integer?(value)
        return INTEROP.as_double(value) if INTEROP.fits_in_double?(value)

        Float(INTEROP.to_display_string(value).to_str)
      end

      # Times arrive as ISO-8601 strings, Ruby Times, or Java instants.
      def time(value)
        case value
        when nil, ::Time then value
        when ::String then ::Time.iso8601(value).utc
        else
          return time(to_ruby(value)) unless INTEROP.foreign?(value) && INTEROP.instant?(value)

          ::Time.iso8601(INTEROP.to_display_string(value).to_str).utc
        end
      end

      def strings(value)
        value.nil? ? [] : to_ruby(value).map(&:to_s)
      end
    end
  end
end
