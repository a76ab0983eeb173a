-- Attach a JSON document to a task under an annotation type, creating the type when it is new.
WITH annotation_type AS (
    INSERT INTO tasker_annotation_types (name)
    VALUES (?)
    ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
    RETURNING annotation_type_id
)
INSERT INTO tasker_task_annotations (task_id, annotation_type_id, annotation)
SELECT ?, annotation_type_id, ?::jsonb
  FROM annotation_type
RETURNING task_annotation_id
