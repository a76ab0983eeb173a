# frozen_string_literal: true

module Hooked
  # Records a summary of every completed task as a task annotation, as Tasker applications do.
  class AnnotatedTask
    include Tasker::TaskHandler

    def update_annotations(task, sequence, steps)
      annotation_type = Tasker::AnnotationType.find_or_create_by!(name: 'run_summary', description: 'What a run did')
      Tasker::TaskAnnotation.create(
        task: task,
        task_id: task.task_id,
        annotation_type_id: annotation_type.annotation_type_id,
        annotation_type: annotation_type,
        annotation: {
          status: task.status,
          customer: task.context.dig(:customer, :name),
          steps: steps.map { |step| [step.name, step.status, step.attempts] },
          total: sequence.find_step_by_name('last').results['total'],
          annotated_at: Time.current
        }
      )
      Rails.logger.info("annotated task #{task.task_id}")
    end
  end
end
