# frozen_string_literal: true

module Enumerable
  def index_by
    return to_enum(:index_by) { size if respond_to?(:size) } unless block_given?

    each_with_object({}) { |element, index| index[yield(element)] = element }
  end

  def index_with(default = nil)
    each_with_object({}) { |element, index| index[element] = block_given? ? yield(element) : default }
  end

  def many?
    block_given? ? count { |element| yield(element) } > 1 : first(2).size > 1
  end

  def exclude?(object)
    !include?(object)
  end

  def excluding(*elements)
    elements.flatten!
    reject { |element| elements.include?(element) }
  end
  alias without excluding

  def pluck(*keys)
    if keys.many?
      map { |element| keys.map { |key| element[key] } }
    else
      map { |element| element[keys.first] }
    end
  end

  def compact_blank
    reject(&:blank?)
  end
end

# ActiveSupport gives Array a faster excluding of its own (array difference).
class Array
  def excluding(*elements)
    self - elements.flatten
  end
  alias without excluding
end
