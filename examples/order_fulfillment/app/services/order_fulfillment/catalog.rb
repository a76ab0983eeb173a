# frozen_string_literal: true

module OrderFulfillment
  # The shop's products with their prices and stock (an application class the handlers use without `require`).
  module Catalog
    PRODUCTS = {
      101 => { name: 'Difference Engine Kit', price: BigDecimal('49.99'), stock: 10 },
      102 => { name: 'Punched Card Pack', price: BigDecimal('5.25'), stock: 200 },
      103 => { name: 'Brass Gear Set', price: BigDecimal('19.00'), stock: 0 }
    }.freeze

    def self.find(product_id)
      PRODUCTS[product_id.to_i]
    end

    def self.available?(product_id, quantity)
      product = find(product_id)
      product.present? && product[:stock] >= quantity
    end
  end
end
