# frozen_string_literal: true

require 'json'
require 'tasker/fast_json/reader'
require 'tasker/fast_json/writer'

module Tasker
  # A faster JSON for handlers, behind the stdlib's own API. TruffleRuby ships json as the pure-Ruby parser and
  # generator (StringScanner and regexps, 3-4x slower than CRuby's C extension); this puts a byte-level reader and
  # writer written for the Truffle JIT under JSON::Pure::Parser#parse, JSON::Pure::Generator::State#generate and
  # Hash#/Array#to_json. They take the common case (UTF-8 text, default or simple options); the stdlib's code
  # keeps everything else: unusual options, and every text the reader does not read itself, so errors are the
  # stdlib's errors, class and message.
  module FastJson
    # JSON::Pure::Parser, reading through the Reader first.
    module ParserPatch
      def initialize(source, opts = nil)
        super
        @tasker_source = source
      end

      def parse
        reader = tasker_reader
        return super unless reader

        begin
          reader.read
        rescue Unreadable
          super
        end
      end

      private

      # nil when the text or the options are for the stdlib: text that is not a UTF-8 String, and the options
      # freeze, object_class, array_class, decimal_class, match_string and a max_nesting that is not a number.
      def tasker_reader
        return nil unless FastJson.enabled

        source = @tasker_source
        return nil unless ::String.equal?(source.class) && source.encoding == ::Encoding::UTF_8
        return nil if @freeze || !::Hash.equal?(@object_class) || !::Array.equal?(@array_class) || @decimal_class
        return nil if (@create_additions && @match_string) || !(::Integer === @max_nesting)

        Reader.new(source, @max_nesting, @symbolize_names, @create_additions ? @create_id : nil)
      end
    end

    # JSON::Pure::Generator::State#generate, writing Hashes and Arrays through the Writer.
    module StatePatch
      def generate(obj)
        klass = obj.class
        return super unless (::Hash.equal?(klass) || ::Array.equal?(klass)) && FastJson.plain?(self)

        result = Writer.new(self).write(obj)
        JSON.valid_utf8?(result) or raise JSON::GeneratorError, "source sequence #{result.inspect} is illegal/malformed utf-8"
        result
      end
    end


    CORE_CLASSES = [::Hash, ::Array, ::String, ::Integer, ::Float, ::NilClass, ::TrueClass, ::FalseClass,
                    ::Symbol].freeze

    @enabled = true

    class << self
      # false sends everything to the stdlib's code (the tests compare the two this way).
      attr_accessor :enabled

      def install
        return if @installed || !JSON.parser.equal?(JSON::Pure::Parser)

        JSON::Pure::Parser.prepend(ParserPatch)
        JSON::Pure::Generator::State.prepend(StatePatch)
        write_containers(JSON::Pure::Generator::GeneratorMethods::Hash)
        write_containers(JSON::Pure::Generator::GeneratorMethods::Array)
        @core_to_json = CORE_CLASSES.map { |klass| klass.instance_method(:to_json).owner }
        @installed = true
      end

      # A State the Writer writes exactly as the stdlib would: no ascii_only, script_safe or strict, string
      # layout options, and no core class with a to_json of its own (ActiveSupport's, say).
      def plain?(state)
        @enabled && !state.ascii_only? && !state.script_safe && !state.strict? &&
          ::Integer === state.max_nesting && ::Integer === state.depth && ::String === state.indent &&
          ::String === state.space && ::String === state.space_before && ::String === state.object_nl &&
          ::String === state.array_nl && core_to_json_unchanged?
      end

      private

      # Hash#to_json and Array#to_json (e.g. `order.to_json`) through the Writer. Redefined in the stdlib's own
      # module rather than prepended: TruffleRuby does not pass a prepend to classes that already include the
      # module, and a module included into Hash later must still win over it, as it does over the stdlib's.
      def write_containers(methods)
        stock = methods.instance_method(:to_json)
        methods.send(:define_method, :to_json) do |state = nil, *rest|
          state = JSON.state.from_state(state)
          FastJson.plain?(state) ? Writer.new(state).write(self) : stock.bind_call(self, state, *rest)
        end
      end

      def core_to_json_unchanged?
        owners = @core_to_json
        index = 0
        while index < owners.size
          return false unless CORE_CLASSES[index].instance_method(:to_json).owner.equal?(owners[index])

          index += 1
        end
        true
      end
    end
  end
end

Tasker::FastJson.install
