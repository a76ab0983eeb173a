SELECT current_setting(?)
