# frozen_string_literal: true

class Module
  def mattr_reader(*names, instance_reader: true, instance_accessor: true, default: nil)
    names.each do |name|
      ivar = "@#{name}"
      instance_variable_set(ivar, default) unless instance_variable_defined?(ivar)
      owner = self
      define_singleton_method(name) { owner.instance_variable_get(ivar) }
      define_method(name) { owner.instance_variable_get(ivar) } if instance_reader && instance_accessor
    end
  end
  alias cattr_reader mattr_reader

  def mattr_writer(*names, instance_writer: true, instance_accessor: true, default: nil)
    names.each do |name|
      ivar = "@#{name}"
      instance_variable_set(ivar, default) unless instance_variable_defined?(ivar)
      owner = self
      define_singleton_method("#{name}=") { |value| owner.instance_variable_set(ivar, value) }
      define_method("#{name}=") { |value| owner.instance_variable_set(ivar, value) } if instance_writer && instance_accessor
    end
  end
  alias cattr_writer mattr_writer

  def mattr_accessor(*names, instance_reader: true, instance_writer: true, instance_accessor: true, default: nil)
    mattr_reader(*names, instance_reader: instance_reader, instance_accessor: instance_accessor, default: default)
    mattr_writer(*names, instance_writer: instance_writer, instance_accessor: instance_accessor)
  end
  alias cattr_accessor mattr_accessor

  def delegate(*methods, to:, prefix: nil, allow_nil: nil, private: nil)
    method_prefix = prefix == true ? "#{to.to_s.delete_prefix('@')}_" : (prefix && "#{prefix}_")
    methods.each do |method|
      name = "#{method_prefix}#{method}"
      define_method(name) do |*args, **kwargs, &block|
        target = to.to_s.start_with?('@') ? instance_variable_get(to) : __send__(to)
        next nil if target.nil? && allow_nil

        target.public_send(method, *args, **kwargs, &block)
      end
      private name if private
    end
  end
end
