-- A task's annotations with their type names, oldest first.
SELECT a.task_annotation_id, a.task_id, t.name AS annotation_type, a.annotation, a.created_at
  FROM tasker_task_annotations a
  JOIN tasker_annotation_types t ON t.annotation_type_id = a.annotation_type_id
 WHERE a.task_id = ?
 ORDER BY a.task_annotation_id
