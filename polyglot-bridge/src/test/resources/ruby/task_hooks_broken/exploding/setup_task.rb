# frozen_string_literal: true

module Exploding
  class SetupTask
    include Tasker::TaskHandler
    raise NotImplementedError, 'this task handler cannot be loaded'
  end
end
