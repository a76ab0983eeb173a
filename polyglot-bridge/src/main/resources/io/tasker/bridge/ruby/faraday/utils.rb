# frozen_string_literal: true

module Faraday
  module Utils
    # HTTP headers: a Hash whose lookups ignore case; keys are kept in their canonical form.
    class Headers < ::Hash
      def self.from(value)
        value.is_a?(Headers) ? value.dup : new.update(value || {})
      end

      def self.canonical(key)
        key.is_a?(Symbol) ? key.to_s.split('_').map(&:capitalize).join('-') : key.to_s
      end

      def [](key)
        super(find_key(key))
      end

      def []=(key, value)
        delete(key)
        super(self.class.canonical(key), value.is_a?(Array) ? value.join(', ') : value.to_s)
      end

      def fetch(key, *args, &block)
        super(find_key(key), *args, &block)
      end

      def delete(key)
        super(find_key(key))
      end

      def key?(key)
        super(find_key(key))
      end
      alias include? key?
      alias has_key? key?
      alias member? key?

      def update(other)
        other.each { |key, value| self[key] = value }
        self
      end
      alias merge! update

      def merge(other)
        dup.update(other)
      end

      def dup
        self.class.new.update(self)
      end

      private

      def find_key(key)
        name = self.class.canonical(key)
        keys.find { |existing| existing.casecmp?(name) } || name
      end
    end

    module_function

    # Faraday's nested params encoder: a=1&b[]=1&c[d]=2, keys sorted.
    def build_nested_query(params)
      pairs(params, nil).map { |key, value| value.nil? ? escape(key) : "#{escape(key)}=#{escape(value)}" }.join('&')
    end

    def pairs(value, prefix)
      case value
      when Hash
        value.sort_by { |key, _| key.to_s }.flat_map { |key, item| pairs(item, prefix ? "#{prefix}[#{key}]" : key.to_s) }
      when Array
        value.flat_map { |item| pairs(item, "#{prefix}[]") }
      else
        [[prefix, value.nil? ? nil : value.to_s]]
      end
    end

    def parse_nested_query(query)
      return {} if query.blank?

      URI.decode_www_form(query).each_with_object({}) { |(key, value), params| params[key] = value }
    end

    def escape(text)
      URI.encode_www_form_component(text.to_s)
    end
  end
end
