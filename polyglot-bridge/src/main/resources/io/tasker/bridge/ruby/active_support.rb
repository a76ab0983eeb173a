# frozen_string_literal: true

# The subset of ActiveSupport that Tasker applications rely on (TASKER-COMPAT.md §10), in pure Ruby
# because RubyGems is out of reach; `require 'active_support'` in an application file finds this one.
require 'active_support/core_ext'
