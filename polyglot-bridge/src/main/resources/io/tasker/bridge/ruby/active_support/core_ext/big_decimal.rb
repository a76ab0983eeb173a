# frozen_string_literal: true

# ActiveSupport prints BigDecimals in plain notation ("12.34", not "0.1234e2"); Tasker's money round
# trip (BigDecimal -> JSON string -> BigDecimal(x.to_s)) and string interpolation in handlers rely on it.
class BigDecimal
  alias_method :__tasker_scientific_to_s, :to_s
  private :__tasker_scientific_to_s

  def to_s(format = 'F')
    __tasker_scientific_to_s(format)
  end

  def duplicable?
    true
  end
end
