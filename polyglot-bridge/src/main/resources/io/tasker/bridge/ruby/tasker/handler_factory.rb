# frozen_string_literal: true

module Tasker
  # Task handler classes by namespace, name and version (symbols, as in Tasker). `get` returns a new
  # instance; a task known only to the engine (its template registered from YAML, no Ruby class)
  # yields a handler that creates such tasks through the engine's handle.
  class HandlerFactory
    INSTANCE = Mutex.new

    # One registry for the process, made once even when worker threads ask for it at once.
    def self.instance
      @instance || INSTANCE.synchronize { @instance ||= new }
    end

    attr_reader :handler_classes

    def initialize
      @handler_classes = {}
    end

    def register(name, class_or_name, namespace_name: :default, version: '0.1.0', replace: false)
      versions = (@handler_classes[namespace_name.to_sym] ||= {})[name.to_sym] ||= {}
      if versions.key?(version.to_s) && !replace
        raise ProceduralError, "Handler #{namespace_name}/#{name}@#{version} is already registered; pass replace: true"
      end

      versions[version.to_s] = class_or_name
      true
    end

    def get(name, namespace_name: :default, version: '0.1.0')
      registered = @handler_classes.dig(namespace_name.to_sym, name.to_sym, version.to_s)
      return resolve(registered).new if registered
      return Bridge::EngineTaskHandler.new(name, namespace_name, version) if Bridge.handle

      raise ProceduralError, "No task handler for #{name} in namespace #{namespace_name} at version #{version}"
    end

    def list_handlers(namespace: nil)
      return @handler_classes.dup unless namespace

      @handler_classes.fetch(namespace.to_sym, {}).dup
    end

    def registered_namespaces
      @handler_classes.keys
    end

    def namespace_exists?(namespace)
      @handler_classes.key?(namespace.to_sym)
    end

    def clear!
      @handler_classes.clear
    end

    private

    def resolve(class_or_name)
      class_or_name.is_a?(Class) ? class_or_name : class_or_name.to_s.camelize.constantize
    end
  end
end
