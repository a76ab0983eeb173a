-- Copies the migrated template (second placeholder) into a new database (first placeholder).
CREATE DATABASE %1$s TEMPLATE %2$s
