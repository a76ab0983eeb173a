# frozen_string_literal: true

class Class
  # A class-level attribute that subclasses inherit and may override without touching the parent.
  def class_attribute(*names, instance_accessor: true, instance_reader: instance_accessor,
                      instance_writer: instance_accessor, instance_predicate: true, default: nil)
    names.each do |name|
      define_class_attribute_value(name, default)
      define_singleton_method("#{name}=") { |value| define_class_attribute_value(name, value) }
      define_singleton_method("#{name}?") { !!public_send(name) } if instance_predicate
      define_class_attribute_instance_methods(name, instance_reader, instance_writer, instance_predicate)
    end
  end

  private

  def define_class_attribute_value(name, value)
    singleton_class.class_eval do
      remove_method(name) if method_defined?(name, false) || private_method_defined?(name, false)
      define_method(name) { value }
    end
  end

  def define_class_attribute_instance_methods(name, reader, writer, predicate)
    ivar = "@#{name}"
    if reader
      define_method(name) { instance_variable_defined?(ivar) ? instance_variable_get(ivar) : self.class.public_send(name) }
      define_method("#{name}?") { !!public_send(name) } if predicate
    end
    define_method("#{name}=") { |value| instance_variable_set(ivar, value) } if writer
  end
end
