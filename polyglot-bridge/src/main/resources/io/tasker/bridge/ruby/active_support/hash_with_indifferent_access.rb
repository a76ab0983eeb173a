# frozen_string_literal: true

module ActiveSupport
  # A Hash whose keys are stored as strings and may be looked up as strings or symbols, nested hashes
  # (also inside arrays) included: what Tasker handlers get from `task.context`.
  class HashWithIndifferentAccess < Hash
    def self.[](*args)
      new.update(Hash[*args])
    end

    def initialize(constructor = nil, &block)
      if constructor.respond_to?(:to_hash)
        super()
        update(constructor)
        self.default = constructor.default if constructor.is_a?(Hash) && !constructor.default_proc
      elsif constructor.nil?
        super(&block)
      else
        super(constructor)
      end
    end

    alias_method :regular_writer, :[]=
    alias_method :regular_update, :update
    private :regular_writer, :regular_update

    # Writes a value that is already converted (string key, indifferent nested hashes), skipping the
    # conversion that #[]= does; the bridge builds contexts from engine data this way.
    def store_converted(key, value)
      regular_writer(key, value)
    end

    def [](key)
      super(convert_key(key))
    end

    def []=(key, value)
      regular_writer(convert_key(key), convert_value(value))
    end
    alias_method :store, :[]=

    def update(*others, &block)
      others.each do |other|
        other.to_hash.each_pair do |key, value|
          key = convert_key(key)
          value = yield(key, self[key], value) if block && key?(key)
          regular_writer(key, convert_value(value))
        end
      end
      self
    end
    alias_method :merge!, :update

    def merge(*others, &block)
      dup.update(*others, &block)
    end

    def reverse_merge(other)
      self.class.new(other).update(self)
    end

    def key?(key)
      super(convert_key(key))
    end
    alias_method :include?, :key?
    alias_method :has_key?, :key?
    alias_method :member?, :key?

    def fetch(key, *extras, &block)
      super(convert_key(key), *extras, &block)
    end

    def dig(key, *rest)
      super(convert_key(key), *rest.map { |k| k.is_a?(Symbol) ? k.to_s : k })
    end

    def default(*args)
      args.empty? ? super() : super(convert_key(args.first))
    end

    def values_at(*keys)
      super(*keys.map { |key| convert_key(key) })
    end

    def fetch_values(*keys, &block)
      super(*keys.map { |key| convert_key(key) }, &block)
    end

    def delete(key, &block)
      super(convert_key(key), &block)
    end

    def slice(*keys)
      self.class.new(super(*keys.map { |key| convert_key(key) }))
    end

    def except(*keys)
      dup.tap { |copy| keys.each { |key| copy.delete(key) } }
    end
    alias_method :without, :except

    def select(*args, &block)
      return to_enum(:select) unless block

      dup.tap { |copy| copy.select!(*args, &block) }
    end
    alias_method :filter, :select

    def reject(*args, &block)
      return to_enum(:reject) unless block

      dup.tap { |copy| copy.reject!(*args, &block) }
    end

    def transform_values(&block)
      return to_enum(:transform_values) unless block

      dup.tap { |copy| copy.transform_values!(&block) }
    end

    def transform_keys(mapping = nil, &block)
      return to_enum(:transform_keys) unless mapping || block

      self.class.new(to_hash.transform_keys(*[mapping].compact, &block))
    end

    def compact
      dup.tap(&:compact!)
    end

    def replace(other)
      super(self.class.new(other))
    end

    def dup
      self.class.new(self).tap { |copy| copy.default = default unless default_proc }
    end

    def deep_dup
      self.class.new(to_hash.deep_dup)
    end

    def with_indifferent_access
      dup
    end

    def nested_under_indifferent_access
      self
    end

    def stringify_keys
      dup
    end
    alias_method :deep_stringify_keys, :stringify_keys

    def stringify_keys!
      self
    end
    alias_method :deep_stringify_keys!, :stringify_keys!

    def symbolize_keys
      to_hash.symbolize_keys!
    end
    alias_method :to_options, :symbolize_keys

    def deep_symbolize_keys
      to_hash.deep_symbolize_keys!
    end

    def to_hash
      copy = {}
      each_pair { |key, value| copy[key] = plain(value) }
      copy.default = default unless default_proc
      copy
    end

    def to_h(&block)
      block ? to_hash.to_h(&block) : to_hash
    end

    def extractable_options?
      true
    end

    private

    def convert_key(key)
      key.is_a?(Symbol) ? key.name : key
    end

    def convert_value(value)
      case value
      when HashWithIndifferentAccess then value
      when Hash then self.class.new(value)
      when Array then value.map { |item| convert_value(item) }
      else value
      end
    end

    def plain(value)
      case value
      when HashWithIndifferentAccess then value.to_hash
      when Array then value.map { |item| plain(item) }
      else value
      end
    end
  end
end

HashWithIndifferentAccess = ActiveSupport::HashWithIndifferentAccess
