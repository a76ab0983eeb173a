# frozen_string_literal: true

class String
  def underscore
    return dup unless /[A-Z-]|::/.match?(self)

    word = gsub('::', '/')
    word.gsub!(/([A-Z\d]+)([A-Z][a-z])/, '\1_\2')
    word.gsub!(/([a-z\d])([A-Z])/, '\1_\2')
    word.tr!('-', '_')
    word.downcase!
    word
  end

  def camelize(first_letter = :upper)
    string = first_letter == :lower ? sub(/^(?:[A-Z](?=[A-Z][a-z])|[A-Z])/, &:downcase) : sub(/^[a-z\d]*/, &:capitalize)
    string = string.gsub(%r{(?:_|(/))([a-z\d]*)}i) { "#{Regexp.last_match(1)}#{Regexp.last_match(2).capitalize}" }
    string.gsub('/', '::')
  end
  alias camelcase camelize

  def constantize
    names = split('::')
    names.shift if names.empty? || names.first.empty?
    raise NameError, "wrong constant name #{self}" if names.empty?

    names.inject(Object) { |scope, name| scope.const_get(name) }
  end

  def safe_constantize
    constantize
  rescue NameError => e
    raise unless e.name && (self == e.name.to_s || end_with?("::#{e.name}") || include?("#{e.name}::"))

    nil
  end

  def demodulize
    (index = rindex('::')) ? self[(index + 2)..] : dup
  end

  def deconstantize
    (index = rindex('::')) ? self[0, index] : +''
  end

  def humanize(capitalize: true)
    result = sub(/\A_+/, '').delete_suffix('_id').tr('_', ' ')
    result = result.gsub(/([a-z\d]*)/i, &:downcase)
    capitalize ? result.sub(/\A\w/, &:upcase) : result
  end

  def titleize
    underscore.humanize.gsub(/\b(?<!\w['’`()])[a-z]/, &:capitalize)
  end

  def squish
    strip.gsub(/[[:space:]]+/, ' ')
  end

  def truncate(length, omission: '...', separator: nil)
    return dup unless self.length > length

    stop = length - omission.length
    stop = rindex(separator, stop) || stop if separator
    "#{self[0, stop]}#{omission}"
  end

  def inquiry
    ActiveSupport::StringInquirer.new(self)
  end
end
