# frozen_string_literal: true

class Hash
  def with_indifferent_access
    ActiveSupport::HashWithIndifferentAccess.new(self)
  end

  def nested_under_indifferent_access
    with_indifferent_access
  end

  def symbolize_keys
    transform_keys { |key| key.respond_to?(:to_sym) ? key.to_sym : key }
  end
  alias to_options symbolize_keys

  def symbolize_keys!
    transform_keys! { |key| key.respond_to?(:to_sym) ? key.to_sym : key }
  end

  def stringify_keys
    transform_keys(&:to_s)
  end

  def stringify_keys!
    transform_keys!(&:to_s)
  end

  def deep_transform_keys(&block)
    ActiveSupport::DeepKeys.transform(self, &block)
  end

  def deep_transform_keys!(&block)
    replace(deep_transform_keys(&block))
  end

  def deep_symbolize_keys
    deep_transform_keys { |key| key.respond_to?(:to_sym) ? key.to_sym : key }
  end

  def deep_symbolize_keys!
    deep_transform_keys! { |key| key.respond_to?(:to_sym) ? key.to_sym : key }
  end

  def deep_stringify_keys
    deep_transform_keys(&:to_s)
  end

  def deep_stringify_keys!
    deep_transform_keys!(&:to_s)
  end

  def deep_transform_values(&block)
    transform_values { |value| ActiveSupport::DeepKeys.transform_values(value, &block) }
  end

  def deep_merge(other, &block)
    dup.deep_merge!(other, &block)
  end

  def deep_merge!(other, &block)
    merge!(other) do |key, mine, theirs|
      if mine.is_a?(Hash) && theirs.is_a?(Hash)
        mine.deep_merge(theirs, &block)
      elsif block
        yield(key, mine, theirs)
      else
        theirs
      end
    end
  end

  def reverse_merge(other)
    other.merge(self)
  end
  alias with_defaults reverse_merge

  def reverse_merge!(other)
    replace(other.merge(self))
  end
  alias with_defaults! reverse_merge!

  def assert_valid_keys(*valid_keys)
    valid_keys.flatten!
    each_key do |key|
      next if valid_keys.include?(key)

      raise ArgumentError, "Unknown key: #{key.inspect}. Valid keys are: #{valid_keys.map(&:inspect).join(', ')}"
    end
  end

  def deep_dup
    each_with_object(dup) do |(key, value), copy|
      copy[key.deep_dup] = value.deep_dup
    end
  end

  def compact_blank
    reject { |_key, value| value.blank? }
  end

  def extractable_options?
    instance_of?(Hash)
  end
end

module ActiveSupport
  # Key and value transformation through nested hashes and arrays, as ActiveSupport's deep_* methods do.
  module DeepKeys
    module_function

    def transform(object, &block)
      case object
      when Hash
        object.each_with_object(object.instance_of?(Hash) ? {} : object.class.new) do |(key, value), copy|
          copy[yield(key)] = transform(value, &block)
        end
      when Array then object.map { |item| transform(item, &block) }
      else object
      end
    end

    def transform_values(object, &block)
      case object
      when Hash then object.deep_transform_values(&block)
      when Array then object.map { |item| transform_values(item, &block) }
      else yield(object)
      end
    end
  end
end
