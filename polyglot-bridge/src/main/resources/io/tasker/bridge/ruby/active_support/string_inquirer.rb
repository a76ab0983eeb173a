# frozen_string_literal: true

module ActiveSupport
  # `Rails.env.production?` and friends.
  class StringInquirer < String
    private

    def respond_to_missing?(name, include_private = false)
      name.end_with?('?') || super
    end

    def method_missing(name, *args)
      return super unless name.end_with?('?')

      self == name[0..-2]
    end
  end
end
