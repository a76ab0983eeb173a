# frozen_string_literal: true

require 'bigdecimal'
require 'date'
require 'time'
require 'yaml'

module RubyHandlers
  # Uses TruffleRuby's C extensions (date, bigdecimal, psych) and the engine's handle: many attempts of it run at
  # once on the threads of the one Ruby context. It keeps the step's name in an instance variable while it works,
  # which is only safe because every attempt gets its own handler.
  class Calendar
    def initialize(config: nil)
      @config = config
    end

    def process(task, _sequence, step)
      @step_name = step.name
      n = task.context['n']
      day = 1 + (n % 28)
      Tasker.handle.publish_custom_event('calendar.computed', { 'sent_by_task' => task.task_id, 'step' => step.name })
      { 'task_id' => task.task_id, 'step' => @step_name, 'config_step' => Tasker.handle.handler_config['step'],
        'day_of_year' => Date.parse("2026-11-#{day}").yday, 'time_day' => Time.parse("2026-11-#{day}T10:00:00Z").day,
        'price' => (BigDecimal('1.5') * n).to_s('F'), 'yaml' => YAML.safe_load("n: #{n}\nstep: #{@step_name}") }
    end
  end
end
