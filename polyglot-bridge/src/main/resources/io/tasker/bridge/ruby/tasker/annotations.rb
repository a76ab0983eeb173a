# frozen_string_literal: true

module Tasker
  # Annotation types (e.g. "order_summary") and task annotations (a JSON document attached to a task),
  # with the ActiveRecord calls Tasker applications make; stored by the engine through the handle.
  class AnnotationType
    attr_reader :annotation_type_id, :name, :description

    alias id annotation_type_id

    def self.find_or_create_by!(name:, description: nil)
      id = Bridge.call_handle(:annotation_type_id, name.to_s, description&.to_s)
      new(id, name.to_s, description)
    end

    def self.find_or_create_by(**attributes)
      find_or_create_by!(**attributes)
    end

    def initialize(annotation_type_id, name, description)
      @annotation_type_id = annotation_type_id
      @name = name
      @description = description
    end
  end

  class TaskAnnotation
    attr_reader :task_annotation_id, :task_id, :annotation_type, :annotation, :errors

    alias id task_annotation_id

    def self.create!(task: nil, task_id: nil, annotation_type: nil, annotation_type_id: nil, annotation: {})
      task_id ||= task&.task_id
      raise ArgumentError, 'a task annotation needs a task or task_id' unless task_id
      raise ArgumentError, 'a task annotation needs an annotation_type' unless annotation_type.respond_to?(:name) || annotation_type.is_a?(String)

      type_name = annotation_type.respond_to?(:name) ? annotation_type.name : annotation_type
      document = Bridge::JsonValues.normalize(annotation.to_h.deep_stringify_keys)
      id = Bridge.call_handle(:create_task_annotation, task_id, type_name, document)
      new(id, task_id, type_name, document, [])
    end

    # ActiveRecord's `create`: returns the record, unsaved with its errors when storing failed.
    def self.create(**attributes)
      create!(**attributes)
    rescue StandardError => e
      new(nil, attributes[:task_id] || attributes[:task]&.task_id, attributes[:annotation_type], attributes[:annotation], [e.message])
    end

    def self.for_task(task_id)
      Array(Bridge.call_handle(:task_annotations, task_id)).map do |row|
        new(row['task_annotation_id'], task_id, row['annotation_type'], row['annotation'], [])
      end
    end

    def initialize(task_annotation_id, task_id, annotation_type, annotation, errors)
      @task_annotation_id = task_annotation_id
      @task_id = task_id
      @annotation_type = annotation_type
      @annotation = annotation
      @errors = errors
    end

    def annotation_type_name
      annotation_type.respond_to?(:name) ? annotation_type.name : annotation_type
    end

    def persisted?
      !task_annotation_id.nil?
    end
  end
end
