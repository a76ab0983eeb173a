-- The template stored for (namespace, name, version): its key and the YAML it was registered from.
SELECT nt.named_task_id, ns.name AS namespace, nt.name, nt.version,
       nt.configuration ->> 'template_yaml' AS template_yaml
  FROM tasker_named_tasks nt
  JOIN tasker_task_namespaces ns ON ns.task_namespace_id = nt.task_namespace_id
 WHERE ns.name = ? AND nt.name = ? AND nt.version = ?
