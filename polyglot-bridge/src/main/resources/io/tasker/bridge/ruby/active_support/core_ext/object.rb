# frozen_string_literal: true

class Object
  def blank?
    respond_to?(:empty?) ? !!empty? : !self
  end

  def present?
    !blank?
  end

  def presence
    self if present?
  end

  def in?(collection)
    collection.include?(self)
  rescue NoMethodError
    raise ArgumentError, 'The parameter passed to #in? must respond to #include?'
  end

  def try(*args, &block)
    if args.empty? && block
      block.arity.zero? ? instance_eval(&block) : yield(self)
    elsif !args.empty? && respond_to?(args.first)
      public_send(*args, &block)
    end
  end

  def duplicable?
    true
  end

  def deep_dup
    duplicable? ? dup : self
  end
end

class NilClass
  def blank?
    true
  end

  def try(*)
    nil
  end
end

class FalseClass
  def blank?
    true
  end
end

class TrueClass
  def blank?
    false
  end
end

class Numeric
  def blank?
    false
  end
end

class Time
  def blank?
    false
  end
end

class String
  BLANK_PATTERN = /\A[[:space:]]*\z/

  def blank?
    empty? || BLANK_PATTERN.match?(self)
  end
end

class Symbol
  def blank?
    false
  end
end

class Method
  def duplicable?
    false
  end
end

class UnboundMethod
  def duplicable?
    false
  end
end
