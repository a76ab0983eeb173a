-- Creates an empty database; the placeholder is its quoted name.
CREATE DATABASE %s
