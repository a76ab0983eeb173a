# frozen_string_literal: true

module ActiveSupport
  # Rails' module pattern: `included do ... end`, `class_methods do ... end`, a ClassMethods module
  # extended onto the includer, and concerns that include other concerns.
  module Concern
    class MultipleIncludedBlocks < StandardError
      def initialize
        super("Cannot define multiple 'included' blocks for a Concern")
      end
    end

    def self.extended(base)
      base.instance_variable_set(:@_dependencies, [])
    end

    def append_features(base)
      if base.instance_variable_defined?(:@_dependencies)
        base.instance_variable_get(:@_dependencies) << self
        false
      else
        return false if base < self

        @_dependencies.each { |dependency| base.include(dependency) }
        super
        base.extend(const_get(:ClassMethods)) if const_defined?(:ClassMethods)
        base.class_eval(&@_included_block) if instance_variable_defined?(:@_included_block)
        true
      end
    end

    def included(base = nil, &block)
      return super(base) if base

      raise MultipleIncludedBlocks if instance_variable_defined?(:@_included_block) && @_included_block != block

      @_included_block = block
    end

    def class_methods(&block)
      mod = const_defined?(:ClassMethods, false) ? const_get(:ClassMethods) : const_set(:ClassMethods, Module.new)
      mod.module_eval(&block)
    end
  end
end
