# frozen_string_literal: true

module Tasker
  # A task handler defined by a YAML template: subclass it, optionally override `yaml_path`, and
  # instantiate it to build and register the handler class the YAML names.
  class ConfiguredTask
    class << self
      def task_name
        @task_name ||= name.underscore
      end

      def yaml_path
        @yaml_path ||= Rails.root.join('config', 'tasker', 'tasks', "#{task_name}.yaml").to_s
      end

      def config
        @config ||= Bridge::YamlFiles.load_file(yaml_path)
      end

      def task_builder
        @task_builder ||= TaskBuilder.new(config: config).tap(&:build)
      end
    end

    def initialize
      self.class.task_builder
    end
  end

  # Turns a task template (the Hash of a YAML file) into a registered handler class: environment
  # overrides merged, the class created or reopened with TaskHandler, its step templates and schema.
  class TaskBuilder
    REQUIRED = %w[name task_handler_class step_templates].freeze

    attr_reader :config, :handler_class

    def self.from_yaml(path)
      new(config: Bridge::YamlFiles.load_file(path))
    end

    def initialize(config:)
      @config = config.deep_stringify_keys
      validate!
      @config['step_templates'] = merged_step_templates
    end

    def build
      @handler_class = resolve_handler_class
      @handler_class.include(TaskHandler) unless @handler_class < TaskHandler
      define_constants
      register
      define_templates
      define_schema
      @handler_class
    end

    private

    def validate!
      missing = REQUIRED.reject { |key| @config[key].present? }
      raise InvalidTaskHandlerConfig, "task template is missing #{missing.join(', ')}" if missing.any?

      names = @config['named_steps']
      return unless names

      unknown = @config['step_templates'].flat_map { |t| [t['name'], t['depends_on_step'], *Array(t['depends_on_steps'])] }.compact - names
      raise InvalidTaskHandlerConfig, "steps not listed in named_steps: #{unknown.uniq.join(', ')}" if unknown.any?
    end

    def merged_step_templates
      overrides = @config.dig('environments', Rails.env.to_s, 'step_templates') || []
      @config['step_templates'].map do |template|
        override = overrides.find { |candidate| candidate['name'] == template['name'] }
        override ? template.deep_merge(override) : template
      end
    end

    def resolve_handler_class
      name = [@config['module_namespace'], @config['task_handler_class']].compact.join('::')
      name.safe_constantize || define_class(name)
    end

    def define_class(name)
      *modules, class_name = name.split('::')
      namespace = modules.inject(Object) do |scope, mod|
        scope.const_defined?(mod, false) ? scope.const_get(mod, false) : scope.const_set(mod, Module.new)
      end
      namespace.const_set(class_name, Class.new)
    end

    def define_constants
      { 'DEFAULT_DEPENDENT_SYSTEM' => @config['default_dependent_system'], 'NAMED_STEPS' => @config['named_steps'] }.each do |constant, value|
        @handler_class.const_set(constant, value.freeze) if value && !@handler_class.const_defined?(constant, false)
      end
    end

    def register
      @handler_class.register_handler(@config['name'], namespace_name: @config['namespace_name'] || 'default',
                                                       version: @config['version'] || '0.1.0',
                                                       concurrent: @config.fetch('concurrent', true))
    end

    def define_templates
      templates = @config['step_templates']
      default_system = @config['default_dependent_system'] || 'unknown'
      @handler_class.define_step_templates do |definer|
        templates.each { |template| definer.define(**template_attributes(template, default_system)) }
      end
    end

    def template_attributes(template, default_system)
      attributes = template.slice(*Types::StepTemplate::ATTRIBUTES.map(&:to_s)).symbolize_keys
      attributes[:dependent_system] ||= default_system
      attributes[:handler_config] = api_config(attributes[:handler_config])
      attributes
    end

    def api_config(handler_config)
      return handler_config unless handler_config.is_a?(Hash) && handler_config['type'] == 'api'

      StepHandler::Api::Config.from_handler_config(handler_config)
    end

    def define_schema
      schema = @config['schema']
      return unless schema

      frozen = schema.deep_symbolize_keys.freeze
      @handler_class.define_method(:schema) { frozen } unless @handler_class.method_defined?(:schema, false)
    end
  end
end
