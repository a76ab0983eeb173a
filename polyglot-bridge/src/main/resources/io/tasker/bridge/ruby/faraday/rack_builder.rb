# frozen_string_literal: true

module Faraday
  # A connection's middleware stack, built as Faraday builds it: each handler wraps the next, in the
  # order they were added, the adapter innermost; `request`/`response`/`use` with a Symbol look the class
  # up in Faraday::Request, Faraday::Response or Faraday::Middleware. The first request locks the stack.
  class RackBuilder
    StackLocked = Class.new(RuntimeError)
    NO_ARGUMENT = Object.new.freeze

    # A middleware class with the arguments it is built with.
    class Handler
      attr_reader :klass

      def initialize(klass, *args, **kwargs, &block)
        @klass = klass
        @args = args
        @kwargs = kwargs
        @block = block
      end

      def name
        klass.to_s
      end

      def build(app = nil)
        klass.new(app, *@args, **@kwargs, &@block)
      end

      def ==(other)
        other.is_a?(Handler) ? klass == other.klass : klass == other
      end

      def inspect
        name
      end
    end

    attr_reader :handlers

    def initialize(&block)
      @adapter = nil
      @handlers = []
      build(&block)
    end

    # Without a block Faraday starts the stack with `request :url_encoded`.
    def build
      raise_if_locked
      block_given? ? yield(self) : request(:url_encoded)
      adapter(Faraday.default_adapter) unless @adapter
    end

    def [](index)
      @handlers[index]
    end

    def use(klass, *args, **kwargs, &block)
      return use_symbol(Faraday::Middleware, klass, *args, **kwargs, &block) if klass.is_a?(Symbol)

      raise_if_locked
      raise_if_adapter(klass)
      @handlers << Handler.new(klass, *args, **kwargs, &block)
      self
    end

    def request(key, *args, **kwargs, &block)
      use_symbol(Faraday::Request, key, *args, **kwargs, &block)
    end

    def response(key, *args, **kwargs, &block)
      use_symbol(Faraday::Response, key, *args, **kwargs, &block)
    end

    def adapter(klass = NO_ARGUMENT, *args, **kwargs, &block)
      return @adapter if klass.equal?(NO_ARGUMENT) || klass.nil?

      raise_if_locked
      klass = Faraday::Adapter.lookup_middleware(klass) if klass.is_a?(Symbol) || klass.is_a?(String)
      @adapter = Handler.new(klass, *args, **kwargs, &block)
    end

    def insert(index, *args, **kwargs, &block)
      raise_if_locked
      index = assert_index(index)
      raise_if_adapter(args.first)
      @handlers.insert(index, Handler.new(*args, **kwargs, &block))
    end
    alias insert_before insert

    def insert_after(index, *args, **kwargs, &block)
      insert(assert_index(index) + 1, *args, **kwargs, &block)
    end

    def swap(index, *args, **kwargs, &block)
      raise_if_locked
      index = assert_index(index)
      @handlers.delete_at(index)
      insert(index, *args, **kwargs, &block)
    end

    def delete(handler)
      raise_if_locked
      @handlers.delete(handler)
    end

    def locked?
      @handlers.frozen?
    end

    def lock!
      @handlers.freeze
    end

    def build_response(connection, request)
      app.call(connection.build_env(request))
    end

    def app
      @app ||= begin
        lock!
        to_app
      end
    end

    def to_app
      innermost = Request::EncodeRemainingBody.new(@adapter.build)
      @handlers.reverse.inject(innermost) { |inner, handler| handler.build(inner) }
    end

    def ==(other)
      other.is_a?(RackBuilder) && handlers == other.handlers && adapter == other.adapter
    end

    private

    def use_symbol(registry, key, *args, **kwargs, &block)
      use(registry.lookup_middleware(key), *args, **kwargs, &block)
    end

    def raise_if_locked
      raise StackLocked, "can't modify the middleware stack after making a request" if locked?
    end

    def raise_if_adapter(klass)
      return unless klass.is_a?(Class) && klass <= Faraday::Adapter

      raise ArgumentError, 'Adapter should be set using the `adapter` method, not `use`'
    end

    def assert_index(index)
      position = index.is_a?(Integer) ? index : @handlers.index(index)
      raise ArgumentError, "no such handler: #{index.inspect}" unless position

      position
    end
  end
end
