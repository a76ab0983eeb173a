# frozen_string_literal: true

module Tasker
  module Bridge
    # The folders handler code lives in, searched the way Rails searches its autoload paths: each
    # handler root itself and, for a Rails-style app, every folder under its app/ (app/tasks,
    # app/handlers, ...).
    module HandlerRoots
      class << self
        attr_reader :roots, :dirs

        def configure(roots)
          @roots = roots.map { |root| File.expand_path(root) }.freeze
          @dirs = @roots.flat_map { |root| [root] + Dir.glob(File.join(root, 'app', '*')).select { |d| File.directory?(d) }.sort }.freeze
        end

        def configured?
          !dirs.nil? && !dirs.empty?
        end

        def find_file(relative)
          dirs.to_a.lazy.map { |dir| File.join(dir, relative) }.find { |path| File.file?(path) }
        end

        def dir?(relative)
          dirs.to_a.any? { |dir| File.directory?(File.join(dir, relative)) }
        end

        def app_root
          roots.to_a.find { |root| File.directory?(File.join(root, 'app')) || File.directory?(File.join(root, 'config')) } || roots.to_a.first
        end

        # Every Ruby file Rails would eager-load: app/**/*.rb of an app root, all *.rb of other roots.
        def eager_load_files
          roots.to_a.flat_map do |root|
            app = File.join(root, 'app')
            Dir.glob(File.join(File.directory?(app) ? app : root, '**', '*.rb')).sort
          end
        end
      end
    end
  end
end
