# frozen_string_literal: true

module Tasker
  module Types
    # What a new task is asked with (Tasker's dry-struct of the same name, same defaults); built from
    # keywords or from one hash with symbol or string keys, as dry-struct allows.
    class TaskRequest
      DEFAULTS = { namespace: 'default', version: '0.1.0', status: 'pending', initiator: 'unknown',
                   source_system: 'unknown', reason: 'unknown', complete: false, tags: [], bypass_steps: [],
                   idempotency_key: nil }.freeze
      ATTRIBUTES = (%i[name context requested_at] + DEFAULTS.keys).freeze

      attr_reader(*ATTRIBUTES)

      def initialize(attributes = {}, **keywords)
        values = DEFAULTS.merge(attributes.to_h.symbolize_keys).merge(keywords.symbolize_keys)
        unknown = values.keys - ATTRIBUTES
        raise ArgumentError, "unknown TaskRequest attributes: #{unknown.join(', ')}" if unknown.any?
        raise ArgumentError, 'TaskRequest needs a name' if values[:name].blank?
        raise ArgumentError, 'TaskRequest needs a context Hash' unless values[:context].is_a?(Hash)

        assign(values)
      end

      def [](attribute)
        public_send(attribute)
      end

      def to_h
        ATTRIBUTES.to_h { |attribute| [attribute, public_send(attribute)] }
      end
      alias to_hash to_h

      private

      def assign(values)
        @name = values[:name].to_s
        @namespace = values[:namespace].to_s
        @version = values[:version].to_s
        @context = values[:context]
        @tags = Array(values[:tags]).map(&:to_s)
        @bypass_steps = Array(values[:bypass_steps]).map(&:to_s)
        @requested_at = values[:requested_at] || Time.current
        %i[status initiator source_system reason complete idempotency_key].each do |attribute|
          instance_variable_set(:"@#{attribute}", values[attribute])
        end
      end
    end
  end
end
