# frozen_string_literal: true

module Hooked
  class FailingAnnotationsTask
    include Tasker::TaskHandler

    def update_annotations(task, _sequence, _steps)
      Tasker::TaskAnnotation.create!(task: task, annotation_type: 'attempted', annotation: { by: 'hook' })
      raise Tasker::ProceduralError, 'reporting database is read-only'
    end
  end
end
