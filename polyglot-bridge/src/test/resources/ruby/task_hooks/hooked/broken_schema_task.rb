# frozen_string_literal: true

module Hooked
  class BrokenSchemaTask
    include Tasker::TaskHandler

    def schema
      raise 'schema registry unreachable'
    end
  end
end
