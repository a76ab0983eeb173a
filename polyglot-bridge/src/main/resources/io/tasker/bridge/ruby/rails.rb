# frozen_string_literal: true

require 'pathname'
require 'active_support'

# What Tasker applications use of Rails outside ActiveRecord: the logger, the environment, the root.
module Rails
  class << self
    attr_writer :logger

    def logger
      @logger ||= Tasker::Bridge.logger
    end

    def env
      ActiveSupport::StringInquirer.new(Tasker::Bridge.environment || ENV['RAILS_ENV'] || 'development')
    end

    def env=(name)
      Tasker::Bridge.environment = name.to_s
    end

    # The application's root: the first handler root that looks like a Rails app (has app/ or
    # config/), else the first handler root, else the working directory.
    def root
      @root ||= Pathname.new(Tasker::Bridge::HandlerRoots.app_root || Dir.pwd)
    end

    def root=(path)
      @root = path && Pathname.new(path.to_s)
    end
  end
end
