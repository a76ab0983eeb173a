# frozen_string_literal: true

# Compares Tasker::FastJson (JSON.parse, JSON.generate, pretty_generate, to_json, JSON.dump) with the stdlib's
# pure-Ruby code in the same context on a generated corpus and on malformed texts; evaluates to what differs.
# Run by RubyFastJsonTest in a real TruffleRuby context with the shim.
module JsonCompat
  STRINGS = ['', 'plain', 'café', '中文', '😀 smile', 'quote " and \\ backslash', 'a/b', "tab\tnew\nline\r",
             "\u0000\u0001\u001f", "\u2028\u2029", "\u007f", "\u00ff\u0100"].freeze
  NUMBERS = [0, 1, -1, 7, 2**31, -2**63, 2**64 + 1, 10**30, 0.0, -0.0, 1.5, -2.25, 1e-7, 1e20, 1e300, 5e-324,
             Float::MAX, 0.1, 123_456.789, Math::PI].freeze
  TEXTS = ['1E5', '1e-5', '-0', '0.0', '-0.0', '1.5E+3', '-1.25e-3', '"\\u00e9\\u00E9"', '"\\ud83d\\ude00"', '"\\u0041"',
           " \t\n\r[ 1 , 2 ]\r\n", '{"a" : {"b" :[ ]}}', '{}', '[]', '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '{"a":1,"a":2}',
           '12345678901234567890123', '-12345678901234567890.5e-3', '[true,false,null]', '"\\u0000"',
           "\"caf\xC3\xA9\"", "\"bad \xFF byte\"", '{"json_class":"String","raw":[97]}'].freeze
  MALFORMED = ['', ' ', '[', ']', '[1,]', '{"a":1,}', '{"a" 1}', '{"a":}', '{1:2}', '01', '1.', '.5', '-', '+1', '1e',
               '"abc', "\"a\u0001\"", '"\\x"', '"\\q"', '"\\u12"', '"\\u12g4"', '"\\ud800"', '"\\udc00x"',
               '"\\ud800\\u0041"', 'NaN', '[NaN]', 'Infinity', '-Infinity', '[-Infinity, 1]', 'tru', 'nul', '[1 2]',
               '{"a":1 "b":2}', '1 x', '[1]]', "\uFEFF[1]", ('[' * 101) + (']' * 101), ('[' * 100) + (']' * 100),
               "// c\n1", "/* c */ [1, /* d */ 2]", '"\\', '["a\\', '{"a', '{"a"', '{"a":', '[1,', '[tru]', '[1.5e]',
               "\"\u2028\""].freeze
  OPTIONS = [{}, { symbolize_names: true }, { max_nesting: 3 }, { max_nesting: false }, { allow_nan: true },
             { create_additions: true }, { freeze: true }, { object_class: Hash, array_class: Array }].freeze

  module_function

  def value(random, depth)
    case random.rand(depth < 5 ? 9 : 6)
    when 0, 1 then NUMBERS.sample(random: random)
    when 2 then Array.new(1 + random.rand(3)) { STRINGS.sample(random: random) }.join
    when 3 then [true, false, nil].sample(random: random)
    when 4 then random.rand * (10**random.rand(-10..10))
    when 5 then random.rand(-10**6..10**6)
    when 6, 7 then Array.new(random.rand(6)) { ["#{STRINGS.sample(random: random)}#{random.rand(50)}", value(random, depth + 1)] }.to_h
    else Array.new(random.rand(6)) { value(random, depth + 1) }
    end
  end

  # A comparable account of a call: the value (Marshal tells 1 from 1.0, -0.0 from 0.0, String from Symbol, and
  # keeps encodings) with the frozen state, or the error's class and message.
  def outcome
    result = yield
    [:value, Marshal.dump(result), result.frozen?, result.is_a?(String) && result.encoding.name]
  rescue StandardError => e
    [:error, e.class.name, e.message]
  end

  def both(differences, counts, label)
    Tasker::FastJson.enabled = false
    expected = outcome { yield }
    Tasker::FastJson.enabled = true
    actual = outcome { yield }
    counts[expected[0]] += 1
    differences << "#{label}: #{actual.inspect[0, 300]}, expected #{expected.inspect[0, 300]}" unless actual == expected
  ensure
    Tasker::FastJson.enabled = true
  end

  def mutations(random, text, count)
    Array.new(count) do
      position = random.rand(text.size + 1)
      text[0, position] + ['', '"', ',', ']', '}', '\\', 'x', '-', '0', '.', 'e', ' ', "\u0001", '{', '[', '/'].sample(random: random) +
        (text[position + random.rand(3)..] || '')
    end
  end

  class Point < Struct.new(:x, :y)
  end

  class Tagged
    def to_json(state = nil, *)
      "{\"tagged\":#{state.respond_to?(:depth) ? state.depth : -1}}"
    end
  end

  def run
    random = Random.new(20_240_613)
    differences = []
    counts = Hash.new(0)
    documents = Array.new(300) { value(random, 0) }
    texts = TEXTS + MALFORMED + documents.flat_map { |doc| [JSON.generate(doc), JSON.pretty_generate(doc)] }
    texts += mutations(random, JSON.generate(documents.first(6)), 600)
    texts.each do |text|
      OPTIONS.each_with_index do |options, index|
        next if index.positive? && random.rand(4).positive?

        both(differences, counts, "parse #{text[0, 120].inspect} #{options}") { JSON.parse(text, options) }
      end
      both(differences, counts, "load #{text[0, 120].inspect}") { JSON.load(text) }
    end
    both(differences, counts, 'parse latin-1') { JSON.parse('["caf\xE9"]'.dup.force_encoding('ISO-8859-1')) }
    both(differences, counts, 'parse binary') { JSON.parse("[\"caf\xC3\xA9\"]".b) }

    extras = [{ 'a' => Float::NAN }, [Float::INFINITY], { sym: :value, 1 => 2.5, nil => [Point.new(1, 2)] },
              { 'tagged' => [Tagged.new, { 'deeper' => Tagged.new }] }, { 'time' => Time.at(0).utc, 'range' => (1..2) },
              { 'hwia' => { 'a' => 1 }.with_indifferent_access }, ["bad \xFF byte"], ["caf\xE9".dup.force_encoding('ISO-8859-1')],
              ['binary'.b, "\xC3\xA9".b], [[[[[1]]]]], Array.new(101) { [] }.inject { |inner, outer| outer << inner }, [], {},
              [[], {}, [{}]], { '' => '' }, ['a' * 10_000]]
    generate_options = [nil, {}, { allow_nan: true }, { max_nesting: 3 }, { max_nesting: 0 }, { indent: "\t", space: ' ' },
                        { space_before: ' ', object_nl: "\n", array_nl: "\n", indent: '  ' }, { ascii_only: true },
                        { script_safe: true }, { strict: true }, { depth: 2 }]
    (documents + extras).each_with_index do |doc, index|
      generate_options.each do |options|
        next if index < documents.size && options && random.rand(3).positive?

        both(differences, counts, "generate #{index} #{options.inspect}") { JSON.generate(doc, options) }
      end
      both(differences, counts, "pretty_generate #{index}") { JSON.pretty_generate(doc) }
      both(differences, counts, "to_json #{index}") { doc.to_json }
      both(differences, counts, "dump #{index}") { JSON.dump(doc) }
      both(differences, counts, "state #{index}") { [JSON.state.new(depth: 1).generate(doc)] }
    end
    { 'values' => counts[:value], 'errors' => counts[:error], 'differences' => differences.first(20),
      'installed' => JSON::Pure::Parser.ancestors.include?(Tasker::FastJson::ParserPatch) }
  end
end

