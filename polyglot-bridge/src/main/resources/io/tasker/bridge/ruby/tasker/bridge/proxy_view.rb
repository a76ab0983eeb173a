# frozen_string_literal: true

module Tasker
  module Bridge
    # Base of the task, step and sequence views: reads members of the engine's proxy lazily, converts
    # each value at most once per attempt, so a handler pays only for what it reads.
    class ProxyView
      def self.proxy_reader(*names, as: :to_ruby)
        names.each do |name|
          ivar = :"@#{name}"
          member = name.to_s
          define_method(name) do
            return instance_variable_get(ivar) if instance_variable_defined?(ivar)

            instance_variable_set(ivar, Foreign.public_send(as, read(member)))
          end
        end
      end

      def initialize(proxy)
        @proxy = proxy
      end

      private

      def read(member)
        Foreign::INTEROP.member_readable?(@proxy, member) ? Foreign::INTEROP.read_member(@proxy, member) : nil
      end
    end
  end
end
