# frozen_string_literal: true

module Tasker
  module Bridge
    # Finds a handler class by the name a template gives: loaded already, autoloaded from its file
    # (A::B::CHandler in a/b/c_handler.rb under a handler root), or, failing both, found after loading
    # every Ruby file of the roots.
    module HandlerLoader
      module_function

      def load(class_name)
        klass = class_name.safe_constantize || eager_load_and_find(class_name)
        raise TypeError, "#{class_name} is a #{klass.class.name.downcase}, not a handler class" unless klass.is_a?(Class)

        klass
      end

      # The class a template's task_handler_class names, or nil when no file of the handler roots defines it
      # (Tasker's YAML builder would create such a class; it then has no hooks of its own).
      def find(class_name)
        class_name.safe_constantize || begin
          failures = eager_load
          found = class_name.safe_constantize
          Bridge.logger.warn("#{class_name} was not found; files that failed to load: #{failures.join('; ')}") if found.nil? && failures.any?
          found
        end
      end

      def eager_load_and_find(class_name)
        failures = eager_load
        class_name.safe_constantize or raise NameError.new(not_found_message(class_name, failures), class_name)
      end

      def eager_load
        HandlerRoots.eager_load_files.each_with_object([]) do |file, failures|
          require file
        rescue ScriptError, StandardError => e
          failures << "#{file}: #{e.class}: #{e.message}"
        end
      end

      def not_found_message(class_name, failures)
        message = +"Ruby handler class #{class_name} was not found: no #{class_name.underscore}.rb under " \
                   "#{HandlerRoots.dirs.to_a.join(', ').presence || '(no handler roots)'}, and no file of the handler roots defines it"
        message << "; files that failed to load: #{failures.join('; ')}" if failures.any?
        message
      end
    end
  end
end
