# frozen_string_literal: true

module Shop
  class BaseStepHandler < Tasker::StepHandler::Base
  end
end
