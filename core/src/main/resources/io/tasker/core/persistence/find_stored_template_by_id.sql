-- The template stored as one named task: its key and the YAML it was registered from.
SELECT nt.named_task_id, ns.name AS namespace, nt.name, nt.version,
       nt.configuration ->> 'template_yaml' AS template_yaml
  FROM tasker_named_tasks nt
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
 WHERE nt.named_task_id = ?
