# frozen_string_literal: true

module Tasker
  module FastJson
    # Writes a Hash or Array as JSON into one buffer, byte for byte what JSON::Pure's generator writes for the
    # same State (indent, space, space_before, object_nl, array_nl, allow_nan, max_nesting, depth), for a State
    # without ascii_only, script_safe or strict (FastJson.plain? decides). Strings are escaped with a byte loop
    # instead of the stdlib's dup + gsub!; core values are written without a to_json call each; any other
    # object gets its own to_json(state) at the right depth, as the stdlib calls it.
    class Writer
      ESCAPES = Array.new(32) { |byte| format('\\u%04x', byte) }.tap do |table|
        { 8 => '\b', 9 => '\t', 10 => '\n', 12 => '\f', 13 => '\r' }.each { |byte, text| table[byte] = text }
      end.freeze
      QUOTE = 34
      BACKSLASH = 92

      def initialize(state)
        @state = state
        @indent = state.indent
        @space = state.space
        @space_before = state.space_before
        @object_nl = state.object_nl
        @array_nl = state.array_nl
        @indent_objects = !@object_nl.empty?
        @indent_arrays = !@array_nl.empty?
        @max_nesting = state.max_nesting
        @allow_nan = state.allow_nan?
        # The separators as one String each: one append instead of two or three, and none of an empty layout string.
        @open_object = "{#{@object_nl}"
        @open_array = "[#{@array_nl}"
        @object_comma = ",#{@object_nl}"
        @array_comma = ",#{@array_nl}"
        @colon = "#{@space_before}:#{@space}"
        # A String key's text up to the value ('"name":') by the key's text: objects repeat their keys. Only frozen
        # keys (every key a Hash copies, and every key the reader makes), so a cached key cannot change.
        @keys = {}
        @buffer = +''
      end

      # @param value [Hash, Array] or an instance of a subclass whose to_json is the stdlib's
      def write(value)
        depth = @state.depth
        value.is_a?(::Hash) ? write_object(value, depth) : write_array(value, depth)
        @state.depth = depth
        @buffer
      end

      private

      def write_value(value, depth)
        klass = value.class
        if ::String.equal?(klass)
          write_string(value)
        elsif ::Hash.equal?(klass)
          write_object(value, depth)
        elsif ::Array.equal?(klass)
          write_array(value, depth)
        elsif ::Integer.equal?(klass)
          @buffer << value.to_s
        elsif ::Float.equal?(klass)
          write_float(value, depth)
        elsif value.nil?
          @buffer << 'null'
        elsif true.equal?(value)
          @buffer << 'true'
        elsif false.equal?(value)
          @buffer << 'false'
        elsif ::Symbol.equal?(klass)
          write_string(value.name)
        else
          write_other(value, depth)
        end
      end

      def write_object(object, depth)
        check_nesting(depth)
        depth += 1
        buffer = @buffer
        buffer << @open_object
        first = true
        object.each do |key, value|
          buffer << @object_comma unless first
          buffer << @indent * depth if @indent_objects
          write_key(key, depth)
          write_value(value, depth)
          first = false
        end
        unless first
          buffer << @object_nl unless @object_nl.empty?
          buffer << @indent * (depth - 1) if @indent_objects
        end
        buffer << '}'
      end

      # The stdlib writes an empty array as '[' array_nl array_nl indent ']' and so does this.
      def write_array(array, depth)
        check_nesting(depth)
        depth += 1
        buffer = @buffer
        buffer << @open_array
        first = true
        array.each do |value|
          buffer << @array_comma unless first
          buffer << @indent * depth if @indent_arrays
          write_value(value, depth)
          first = false
        end
        buffer << @array_nl unless @array_nl.empty?
        buffer << @indent * (depth - 1) if @indent_arrays
        buffer << ']'
      end

      # The key and the colon with its spaces.
      def write_key(key, depth)
        if ::String.equal?(key.class) && key.frozen?
          cached = @keys[key]
          return @buffer << cached if cached

          start = @buffer.bytesize
          write_string(key)
          @buffer << @colon
          return unless @buffer.encoding == key.encoding || key.ascii_only?

          @keys[key] = @buffer.byteslice(start, @buffer.bytesize - start)
        else
          write_plain_key(key, depth)
          @buffer << @colon
        end
      end

      def write_plain_key(key, depth)
        if ::String.equal?(key.class)
          write_string(key)
        elsif ::Symbol.equal?(key.class)
          write_string(key.name)
        else
          text = key.to_s
          ::String.equal?(text.class) ? write_string(text) : write_other(text, depth)
        end
      end

      def write_float(value, depth)
        if value.finite?
          @buffer << value.to_s
        else
          write_other(value, depth) # the stdlib's Float#to_json: the text with allow_nan, else GeneratorError
        end
      end

      # The stdlib's own call, with the State at the depth it would have there.
      def write_other(value, depth)
        @state.depth = depth
        @buffer << (value.respond_to?(:to_json) ? value.to_json(@state) : %("#{String(value)}"))
      end

      def check_nesting(depth)
        return if @max_nesting.zero? || depth < @max_nesting

        @state.depth = depth
        @state.check_max_nesting # raises the stdlib's NestingError
      end

      def write_string(string)
        encoding = string.encoding
        unless encoding == ::Encoding::UTF_8 || (encoding == ::Encoding::US_ASCII && string.ascii_only?)
          return write_other(string, @state.depth)
        end

        size = string.bytesize
        index = 0
        while index < size
          byte = string.getbyte(index)
          break if byte < 32 || byte == QUOTE || byte == BACKSLASH

          index += 1
        end
        if index == size
          @buffer << '"' << string << '"'
        else
          write_escaped(string, index, size)
        end
      end

      # From the first byte that needs escaping on: runs without one are copied whole.
      def write_escaped(string, index, size)
        buffer = @buffer
        buffer << '"' << string.byteslice(0, index)
        while index < size
          byte = string.getbyte(index)
          if byte < 32
            buffer << ESCAPES[byte]
            index += 1
          elsif byte == QUOTE || byte == BACKSLASH
            buffer << '\\' << byte
            index += 1
          else
            run = index
            index += 1 while index < size && (byte = string.getbyte(index)) >= 32 && byte != QUOTE && byte != BACKSLASH
            buffer << string.byteslice(run, index - run)
          end
        end
        buffer << '"'
      end
    end
  end
end
