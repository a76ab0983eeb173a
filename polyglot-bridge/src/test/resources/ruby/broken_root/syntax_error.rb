# frozen_string_literal: true

# A file that cannot load: eager loading reports it when the wanted class is missing.
class BrokenHandler <
