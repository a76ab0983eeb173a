# frozen_string_literal: true

module Tasker
  module Bridge
    # What Tasker's jsonb columns do to a handler's results (TASKER-COMPAT.md §1.4), applied before
    # the engine converts them: symbols become strings, Time an ISO-8601 string with milliseconds,
    # Date YYYY-MM-DD, BigDecimal its plain string, keys strings. Values already in that shape are
    # returned as they are, without a copy. Anything else (NaN, an arbitrary object, a structure too
    # deep or cyclic) is left for the engine's converter to refuse with a clear message.
    module JsonValues
      MAX_DEPTH = 64

      module_function

      def normalize(value, depth = 0)
        case value
        when ::String, ::Integer, ::Float, true, false, nil then value
        when ::Hash then depth < MAX_DEPTH ? hash(value, depth) : value
        when ::Array then depth < MAX_DEPTH ? array(value, depth) : value
        else scalar(value, depth)
        end
      end

      def scalar(value, depth)
        case value
        when ::Symbol then value.name
        when ::DateTime, ::Time then value.xmlschema(3)
        when ::Date then value.strftime('%Y-%m-%d')
        when ::BigDecimal then value.finite? ? value.to_s : value
        when ::Set then array(value.to_a, depth)
        when ::Struct then hash(value.to_h, depth)
        when ::Exception then value.message
        else convertible(value, depth)
        end
      end

      def convertible(value, depth)
        return normalize(value.as_json, depth) if value.respond_to?(:as_json)
        return hash(value.to_hash, depth) if value.respond_to?(:to_hash)

        value
      end

      def hash(value, depth)
        copy = nil
        value.each_pair do |key, item|
          new_key = key.is_a?(::String) ? key : key_string(key)
          new_item = normalize(item, depth + 1)
          copy ||= copy_before(value, key) unless new_key.equal?(key) && new_item.equal?(item)
          copy[new_key] = new_item if copy
        end
        copy || value
      end

      def array(value, depth)
        copy = nil
        value.each_with_index do |item, index|
          new_item = normalize(item, depth + 1)
          copy ||= value.first(index) unless new_item.equal?(item)
          copy << new_item if copy
        end
        copy || value
      end

      def copy_before(hash, stop_key)
        copy = {}
        hash.each_pair do |key, item|
          break if key.equal?(stop_key)

          copy[key] = item
        end
        copy
      end

      def key_string(key)
        key.is_a?(::Symbol) ? key.name : key.to_s
      end

      # Seconds as a plain number, for retry_after given as a Duration or similar.
      def seconds(value)
        case value
        when nil, ::Integer, ::Float then value
        when ::Numeric then value.to_f
        else value.respond_to?(:to_i) ? value.to_i : value
        end
      end
    end
  end
end
