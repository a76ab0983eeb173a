# frozen_string_literal: true

module Failing
  class UnimplementedHandler < Tasker::StepHandler::Base
  end
end
