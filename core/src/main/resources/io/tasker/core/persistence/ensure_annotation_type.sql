-- Find or create an annotation type by name; a description given later fills one left empty. The update on
-- conflict makes RETURNING give the id whether the row was new or not.
INSERT INTO tasker_annotation_types (name, description)
VALUES (?, ?)
ON CONFLICT (name) DO UPDATE
    SET description = coalesce(tasker_annotation_types.description, EXCLUDED.description)
RETURNING annotation_type_id
