SELECT current_setting('ssl')
