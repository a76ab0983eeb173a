# frozen_string_literal: true

module Tasker
  module FastJson
    # Raised inside the reader when the text leaves the plain JSON it reads itself (comments, NaN, odd escapes,
    # lone surrogates, any syntax error): the stdlib's parser then reads the whole text again and gives the
    # result, or the error with the stdlib's own class and message.
    class Unreadable < StandardError
    end

    # A recursive-descent JSON reader over bytes, written for the Truffle JIT: String#getbyte and byteslice, no
    # regexps, no StringScanner. It reads what JSON::Pure::Parser reads and builds the same objects (String keys,
    # UTF-8 strings, Integer, Float), or raises Unreadable.
    class Reader
      QUOTE = 34
      BACKSLASH = 92
      POWERS_OF_TEN = Array.new(23) { |power| (10**power).to_f }.freeze
      SIMPLE_ESCAPES = { 34 => '"', 92 => '\\', 47 => '/', 98 => "\b", 102 => "\f", 110 => "\n", 114 => "\r",
                         116 => "\t" }.freeze

      # @param source [String] UTF-8 text
      # @param max_nesting [Integer] 0 for no limit
      def initialize(source, max_nesting, symbolize_names, create_id)
        @source = source
        @max_nesting = max_nesting
        @symbolize_names = symbolize_names
        @create_id = create_id
        @position = 0
        @depth = 0
      end

      def read
        skip_blanks
        value = read_value
        skip_blanks
        raise Unreadable unless @position == @source.bytesize

        value
      end

      private

      def read_value
        byte = @source.getbyte(@position)
        if byte.nil?
          raise Unreadable
        elsif byte == QUOTE
          read_string
        elsif byte == 123
          read_object
        elsif byte == 91
          read_array
        elsif (byte >= 48 && byte <= 57) || byte == 45
          read_number(byte)
        else
          read_word(byte)
        end
      end

      def read_word(byte)
        if byte == 116 && @source.byteslice(@position, 4) == 'true'
          @position += 4
          true
        elsif byte == 102 && @source.byteslice(@position, 5) == 'false'
          @position += 5
          false
        elsif byte == 110 && @source.byteslice(@position, 4) == 'null'
          @position += 4
          nil
        else
          raise Unreadable
        end
      end

      def read_object
        enter
        @position += 1
        skip_blanks if blank?(@source.getbyte(@position))
        object = {}
        if @source.getbyte(@position) == 125
          @position += 1
        else
          read_members(object)
        end
        @depth -= 1
        raise Unreadable if @create_id && object.key?(@create_id)

        object
      end

      # Compact text has no blanks between tokens: the byte after a token is checked before skip_blanks is called.
      def read_members(object)
        source = @source
        while true
          raise Unreadable unless source.getbyte(@position) == QUOTE

          key = read_string
          # Frozen, the key goes into the Hash as it is (an unfrozen String key is copied and the copy frozen). Not
          # one String for equal keys: the stdlib gives each its own, and Marshal (say) tells the two apart.
          key = @symbolize_names ? key.to_sym : key.freeze
          skip_blanks if blank?(source.getbyte(@position))
          raise Unreadable unless source.getbyte(@position) == 58

          @position += 1
          skip_blanks if blank?(source.getbyte(@position))
          object[key] = read_value
          return if closed_by?(125)
        end
      end

      def read_array
        enter
        @position += 1
        skip_blanks if blank?(@source.getbyte(@position))
        array = []
        if @source.getbyte(@position) == 93
          @position += 1
        else
          read_elements(array)
        end
        @depth -= 1
        array
      end

      def read_elements(array)
        while true
          array << read_value
          return if closed_by?(93)
        end
      end

      # After a member or an element: true past the closing byte, false past a comma (and the blanks after it).
      def closed_by?(closing)
        source = @source
        byte = source.getbyte(@position)
        if blank?(byte)
          skip_blanks
          byte = source.getbyte(@position)
        end
        @position += 1
        return true if byte == closing
        raise Unreadable unless byte == 44

        skip_blanks if blank?(source.getbyte(@position))
        false
      end

      def blank?(byte)
        byte == 32 || byte == 10 || byte == 13 || byte == 9
      end

      def enter
        @depth += 1
        raise Unreadable if @max_nesting != 0 && @depth > @max_nesting
      end

      def skip_blanks
        source = @source
        position = @position
        while true
          byte = source.getbyte(position)
          break unless byte == 32 || byte == 10 || byte == 13 || byte == 9

          position += 1
        end
        @position = position
      end

      # The stdlib's grammar: -?(0|[1-9]\d*) then an optional fraction (.\d+) and exponent ([eE][+-]?\d+).
      def read_number(byte)
        source = @source
        start = @position
        position = start
        negative = byte == 45
        position += 1 if negative
        first = source.getbyte(position)
        raise Unreadable unless first && first >= 48 && first <= 57

        value = first - 48
        position += 1
        if first != 48
          while (digit = source.getbyte(position)) && digit >= 48 && digit <= 57
            value = value * 10 + (digit - 48)
            position += 1
          end
        end
        following = source.getbyte(position)
        if following == 46 || following == 101 || following == 69
          read_float(start, position, following, value, negative)
        else
          @position = position
          # Beyond 18 digits the product above is a Bignum already; Integer() of the text gives the same value.
          negative ? -value : value
        end
      end

      # Exactly Float() of the text: the mantissa and the power of ten are exact doubles when the mantissa has
      # at most 15 digits and the exponent is within 22, so one multiplication or division rounds correctly
      # (Clinger's fast path); other numbers go through Float().
      def read_float(start, position, following, mantissa, negative)
        source = @source
        significant = position - start - (negative ? 1 : 0)
        exponent = 0
        if following == 46
          fraction = position + 1
          position = digits(fraction)
          significant += position - fraction
          exponent = fraction - position
          if significant <= 15
            while fraction < position
              mantissa = mantissa * 10 + (source.getbyte(fraction) - 48)
              fraction += 1
            end
          end
          following = source.getbyte(position)
        end
        if following == 101 || following == 69
          position += 1
          sign = source.getbyte(position)
          position += 1 if sign == 43 || sign == 45
          exponent_start = position
          position = digits(position)
          if significant <= 15 && position - exponent_start <= 3
            written = source.byteslice(exponent_start, position - exponent_start).to_i
            exponent += sign == 45 ? -written : written
          else
            significant = 16
          end
        end
        @position = position
        return Float(source.byteslice(start, position - start)) if significant > 15 || exponent > 22 || exponent < -22

        value = exponent >= 0 ? mantissa.to_f * POWERS_OF_TEN[exponent] : mantissa.to_f / POWERS_OF_TEN[-exponent]
        negative ? -value : value
      end

      # At least one digit at the position; returns the position after the last one.
      def digits(position)
        source = @source
        digit = source.getbyte(position)
        raise Unreadable unless digit && digit >= 48 && digit <= 57

        position += 1
        while (digit = source.getbyte(position)) && digit >= 48 && digit <= 57
          position += 1
        end
        position
      end

      def read_string
        source = @source
        start = @position + 1
        position = start
        while true
          byte = source.getbyte(position)
          raise Unreadable if byte.nil? || byte < 32
          break if byte == QUOTE
          return read_escaped_string(start, position) if byte == BACKSLASH

          position += 1
        end
        @position = position + 1
        source.byteslice(start, position - start)
      end

      # A string with escapes: the plain runs between them are copied whole.
      def read_escaped_string(start, position)
        source = @source
        text = source.byteslice(start, position - start)
        while true
          byte = source.getbyte(position)
          raise Unreadable if byte.nil? || byte < 32

          if byte == QUOTE
            @position = position + 1
            return text
          elsif byte == BACKSLASH
            position = unescape(text, position + 1)
          else
            run = position
            position += 1
            while (byte = source.getbyte(position)) && byte != QUOTE && byte != BACKSLASH && byte >= 32
              position += 1
            end
            text << source.byteslice(run, position - run)
          end
        end
      end

      # Appends the character escaped after a backslash; returns the position after the escape.
      def unescape(text, position)
        byte = @source.getbyte(position)
        simple = SIMPLE_ESCAPES[byte]
        if simple
          text << simple
          position + 1
        elsif byte == 117
          unescape_unicode(text, position + 1)
        else
          raise Unreadable
        end
      end

      # \uXXXX, and a surrogate pair as two of them; a lone surrogate is the stdlib's business (it fails).
      def unescape_unicode(text, position)
        code = hex4(position)
        position += 4
        if code >= 0xD800 && code <= 0xDBFF
          raise Unreadable unless @source.getbyte(position) == BACKSLASH && @source.getbyte(position + 1) == 117

          low = hex4(position + 2)
          raise Unreadable unless low >= 0xDC00 && low <= 0xDFFF

          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          position += 6
        elsif code >= 0xDC00 && code <= 0xDFFF
          raise Unreadable
        end
        text << code.chr(Encoding::UTF_8)
        position
      end

      def hex4(position)
        value = 0
        4.times do |offset|
          value = (value << 4) + hex_digit(@source.getbyte(position + offset))
        end
        value
      end

      def hex_digit(byte)
        if byte.nil?
          raise Unreadable
        elsif byte >= 48 && byte <= 57
          byte - 48
        elsif byte >= 97 && byte <= 102
          byte - 87
        elsif byte >= 65 && byte <= 70
          byte - 55
        else
          raise Unreadable
        end
      end
    end
  end
end
