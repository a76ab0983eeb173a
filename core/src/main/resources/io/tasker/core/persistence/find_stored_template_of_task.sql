-- The template a task was created from, as stored: its key and the YAML it was registered from.
SELECT nt.named_task_id, ns.name AS namespace, nt.name, nt.version,
       nt.configuration ->> 'template_yaml' AS template_yaml
  FROM tasker_tasks t
  JOIN tasker_named_tasks nt ON nt.named_task_id = t.named_task_id
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
 WHERE t.task_id = ?
