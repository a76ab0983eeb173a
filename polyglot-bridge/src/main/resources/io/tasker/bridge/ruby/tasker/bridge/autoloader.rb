# frozen_string_literal: true

module Tasker
  module Bridge
    # Rails-style constant autoloading over the handler roots, so application files need no
    # `require`: a missing constant A::B::C is loaded from a/b/c.rb, a folder a/b/ without a file
    # becomes an empty module, and lookups made from inside a namespace also try its parents.
    module Autoloader
      module_function

      def load_missing(from, name)
        return nil unless HandlerRoots.configured?

        nesting = from.equal?(Object) ? [] : from.name.to_s.split('::')
        nesting.length.downto(0) do |depth|
          found = load_in(nesting.first(depth), name)
          return found if found
        end
        nil
      end

      def load_in(scope_names, name)
        scope = scope_names.empty? ? Object : Object.const_get(scope_names.join('::'))
        path = (scope_names + [name.to_s]).join('::').underscore
        if (file = HandlerRoots.find_file("#{path}.rb"))
          require file
          scope.const_get(name, false) if scope.const_defined?(name, false)
        elsif HandlerRoots.dir?(path)
          implicit_module(scope, name)
        end
      end

      NAMESPACES = Mutex.new

      # A folder's module, made once even when threads miss the constant at once: a second const_set
      # would replace the module the first thread's classes went into.
      def implicit_module(scope, name)
        NAMESPACES.synchronize do
          scope.const_defined?(name, false) ? scope.const_get(name, false) : scope.const_set(name, Module.new)
        end
      end

      # Prepended to Module so every const_missing first asks the handler roots.
      module ConstMissing
        def const_missing(name)
          Autoloader.load_missing(self, name) || super
        end
      end
    end
  end
end

Module.prepend(Tasker::Bridge::Autoloader::ConstMissing)
