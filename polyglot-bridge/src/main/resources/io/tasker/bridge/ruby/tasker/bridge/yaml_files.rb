# frozen_string_literal: true

require 'yaml'

module Tasker
  module Bridge
    # Reads YAML files for ConfiguredTask. TruffleRuby's YAML parser is a C extension that works in only one
    # context per JVM, and the engine runs a pool of them, so the engine parses the file when its handle
    # offers `load_yaml(path)`; Ruby's own YAML is the fallback.
    module YamlFiles
      module_function

      def load_file(path)
        return plain(Foreign.to_ruby(Bridge.handle.load_yaml(path.to_s))) if Bridge.handle_offers?(:load_yaml)

        YAML.load_file(path.to_s, aliases: true)
      end

      def plain(value)
        case value
        when ActiveSupport::HashWithIndifferentAccess then value.to_hash
        else value
        end
      end
    end
  end
end
