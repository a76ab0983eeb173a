-- Whether commits wait for the disk: an embedded server started earlier may run with other settings.
SHOW fsync
