-- The database tasker uses on its embedded server; initdb makes only postgres, template0 and template1.
CREATE DATABASE tasker
