# frozen_string_literal: true

module Annotating
  # Attaches an order summary to its task, as Tasker apps do for reporting, and reads the task's annotations back.
  class OrderSummaryHandler < Tasker::StepHandler::Base
    def process(task, _sequence, _step)
      type = Tasker::AnnotationType.find_or_create_by!(name: 'order_summary', description: 'What a customer ordered')
      Tasker::TaskAnnotation.create!(task: task, annotation_type: type,
                                     annotation: { items: 2, total: BigDecimal('105.23'), rush: true })
      Tasker::TaskAnnotation.create!(task_id: task.task_id, annotation_type: 'audit', annotation: { by: :order_bot })
      orphan = Tasker::TaskAnnotation.create(task_id: 987_654_321, annotation_type: type, annotation: { lost: true })
      {
        type_id: type.id,
        same_type_id: Tasker::AnnotationType.find_or_create_by!(name: 'order_summary').id,
        annotations: Tasker::TaskAnnotation.for_task(task.task_id).map { |row| [row.annotation_type_name, row.annotation] },
        orphan_saved: orphan.persisted?,
        orphan_errors: orphan.errors.size
      }
    end
  end
end
