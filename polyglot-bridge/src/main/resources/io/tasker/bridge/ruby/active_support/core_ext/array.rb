# frozen_string_literal: true

class Array
  def self.wrap(object)
    if object.nil?
      []
    elsif object.respond_to?(:to_ary)
      object.to_ary || [object]
    else
      [object]
    end
  end

  def extract_options!
    last.is_a?(Hash) && last.extractable_options? ? pop : {}
  end

  def second
    self[1]
  end

  def third
    self[2]
  end

  def deep_dup
    map(&:deep_dup)
  end

  def to_sentence(words_connector: ', ', two_words_connector: ' and ', last_word_connector: ', and ')
    case size
    when 0 then +''
    when 1 then self[0].to_s.dup
    when 2 then "#{self[0]}#{two_words_connector}#{self[1]}"
    else "#{self[0...-1].join(words_connector)}#{last_word_connector}#{self[-1]}"
    end
  end
end
