-- The content hash of the template stored under (namespace, name, version), to notice a changed template.
SELECT nt.configuration ->> 'sha256'
  FROM tasker_named_tasks nt
 WHERE nt.task_namespace_id = ? AND nt.name = ? AND nt.version = ?
