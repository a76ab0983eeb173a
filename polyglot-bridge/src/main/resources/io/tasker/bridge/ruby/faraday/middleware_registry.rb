# frozen_string_literal: true

module Faraday
  # Names for middleware classes, as Faraday keeps them: Faraday::Request (`conn.request :json`),
  # Faraday::Response (`conn.response :logger`), Faraday::Middleware (`conn.use :name`) and
  # Faraday::Adapter (`conn.adapter :net_http`) each have their own table.
  module MiddlewareRegistry
    # Faraday 2: `register_middleware(name: Klass)`; Faraday 1 also took a Hash and an autoload path
    # first. A value may be the class, a Proc returning it, a constant name under this namespace, or
    # `[:ConstName, 'require/path']`.
    def register_middleware(autoload_path = nil, mapping = nil, **mappings)
      mapping, autoload_path = autoload_path, nil if autoload_path.is_a?(Hash)
      registered_middleware.update((mapping || {}).transform_keys(&:to_sym)).update(mappings)
      self
    end

    def unregister_middleware(key)
      registered_middleware.delete(key.to_sym)
    end

    def registered_middleware
      @registered_middleware ||= {}
    end

    def lookup_middleware(key)
      load_middleware(key.to_sym) || raise(Faraday::Error, not_registered(key))
    end

    private

    def load_middleware(key)
      value = registered_middleware[key]
      case value
      when Module then value
      when Proc then registered_middleware[key] = value.call
      when Symbol, String then registered_middleware[key] = const_get(value.to_s)
      when Array
        require(value[1]) if value[1]
        registered_middleware[key] = const_get(value[0])
      end
    end

    def not_registered(key)
      known = registered_middleware.keys.map(&:inspect).join(', ')
      "#{key.inspect} is not registered on #{self} (Tasker JVM's Faraday knows #{known.empty? ? 'none' : known}; " \
        "register your own with #{self}.register_middleware(#{key}: YourMiddleware))"
    end
  end
end
