# frozen_string_literal: true

module Tasker
  module Bridge
    # Tasker's rule for building a step handler: `new` without a handler_config, `new(config: ...)` with
    # one; an Api handler's Hash config with `type: api` becomes an Api::Config first.
    module Instantiation
      module_function

      def build(klass, handler_config)
        builder(klass, handler_config).call
      end

      # A lambda building a new handler each call, its config read and checked once, here.
      def builder(klass, handler_config)
        config = config_for(klass, Foreign.to_ruby(handler_config))
        return -> { klass.new } if config.nil?

        check_config_keyword(klass)
        -> { klass.new(config: config) }
      end

      def config_for(klass, config)
        return config unless config.is_a?(Hash) && config['type'].to_s == 'api' && klass <= Tasker::StepHandler::Api

        Tasker::StepHandler::Api::Config.from_handler_config(config)
      end

      def check_config_keyword(klass)
        parameters = klass.instance_method(:initialize).parameters
        return if parameters.any? { |kind, name| (%i[key keyreq].include?(kind) && name == :config) || kind == :keyrest }

        raise ArgumentError, "#{klass.name}.new takes no config: keyword, but its step template gives it a handler_config"
      end
    end
  end
end
