# frozen_string_literal: true

module Shop
  module Pricing
    def self.total(items)
      items.sum { |item| item[:price] * item[:quantity] }
    end
  end
end
