# frozen_string_literal: true

module Faraday
  # A connection's `ssl:` options, with Faraday's names. The JDK adapter honours verify,
  # verify_hostname, verify_mode, ca_file, ca_path, min_version, max_version and version; the options
  # that take OpenSSL objects or OpenSSL names are refused with an ArgumentError naming them.
  class SSLOptions
    MEMBERS = %i[verify verify_hostname ca_file ca_path verify_mode cert_store client_cert client_key certificate
                 private_key verify_depth version min_version max_version ciphers].freeze
    NO_OPENSSL = "TruffleRuby's openssl does not load, so there are no OpenSSL objects to pass"
    REFUSED = {
      cert_store: "#{NO_OPENSSL}; name the certificates with ca_file or ca_path",
      client_cert: "#{NO_OPENSSL}; client certificates (mutual TLS) are not supported",
      client_key: "#{NO_OPENSSL}; client certificates (mutual TLS) are not supported",
      certificate: "#{NO_OPENSSL}; client certificates (mutual TLS) are not supported",
      private_key: "#{NO_OPENSSL}; client certificates (mutual TLS) are not supported",
      verify_depth: "the JDK's certificate path check has no depth limit to set",
      ciphers: "OpenSSL cipher names do not name the JDK's cipher suites; the JDK's defaults apply"
    }.freeze
    VERIFY_NONE = 0
    VERIFY_PEER = 1
    # OpenSSL's names (:TLS1_2, 'TLSv1_2', 'TLSv1.2') and numbers (OpenSSL::SSL::TLS1_2_VERSION) of a protocol.
    PROTOCOLS = { 'TLS1' => 'TLSv1', 'TLS1_1' => 'TLSv1.1', 'TLS1_2' => 'TLSv1.2', 'TLS1_3' => 'TLSv1.3' }.freeze
    PROTOCOL_NUMBERS = { 0x0301 => 'TLS1', 0x0302 => 'TLS1_1', 0x0303 => 'TLS1_2', 0x0304 => 'TLS1_3' }.freeze

    attr_accessor(*MEMBERS)

    def self.from(value)
      case value
      when SSLOptions then value
      when nil then new
      when Hash then new(value)
      else raise ArgumentError, "ssl options must be a Hash, not #{value.class}"
      end
    end

    def initialize(options = {})
      options.each { |key, value| self[key] = value }
    end

    def [](key)
      public_send(member(key))
    end

    def []=(key, value)
      public_send("#{member(key)}=", value)
    end

    def fetch(key, default = nil)
      value = self[key]
      value.nil? ? default : value
    end

    def verify?
      verify != false
    end

    def disable?
      !verify?
    end

    def verify_hostname?
      verify_hostname != false
    end

    def to_hash
      MEMBERS.to_h { |name| [name, public_send(name)] }.compact
    end

    # The options as the JDK adapter passes them on; raises ArgumentError for what it cannot honour.
    def checked
      REFUSED.each do |name, reason|
        raise ArgumentError, "ssl option #{name} is not supported by Tasker JVM's Faraday: #{reason}" unless public_send(name).nil?
      end
      { verify: peer_verified?, verify_hostname: verify_hostname?, ca_file: path(:ca_file), ca_path: path(:ca_path),
        min_version: protocol(:min_version, min_version || version), max_version: protocol(:max_version, max_version || version) }
    end

    private

    def member(key)
      name = key.to_sym
      return name if MEMBERS.include?(name)

      raise ArgumentError, "ssl option #{key.inspect} is not a Faraday ssl option (#{MEMBERS.join(', ')})"
    end

    # verify_mode, when given, wins over verify, as in Faraday's Net::HTTP adapter.
    def peer_verified?
      return verify? if verify_mode.nil?
      unless verify_mode.is_a?(Integer)
        raise ArgumentError, "ssl option verify_mode must be OpenSSL::SSL::VERIFY_NONE (0) or VERIFY_PEER (1), not #{verify_mode.inspect}"
      end

      (verify_mode & VERIFY_PEER) == VERIFY_PEER
    end

    def path(name)
      value = public_send(name)
      return nil if value.nil?
      raise ArgumentError, "ssl option #{name} must be a file path, not #{value.inspect}" unless value.is_a?(String) || value.respond_to?(:to_path)

      value.respond_to?(:to_path) ? value.to_path : value
    end

    def protocol(name, value)
      return nil if value.nil?

      key = value.is_a?(Integer) ? PROTOCOL_NUMBERS[value] : value.to_s.upcase.sub(/\ATLSV/, 'TLS').tr('.', '_')
      PROTOCOLS[key] || raise(ArgumentError, "ssl option #{name} #{value.inspect} is not a TLS version Tasker JVM's " \
                                             "Faraday supports (:TLS1, :TLS1_1, :TLS1_2, :TLS1_3)")
    end
  end
end
