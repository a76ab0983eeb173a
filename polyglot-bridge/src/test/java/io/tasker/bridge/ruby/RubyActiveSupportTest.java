package io.tasker.bridge.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ActiveSupport subset of TASKER-COMPAT.md §10, in a real TruffleRuby context. */
class RubyActiveSupportTest {
    private static RubyShim ruby;

    @BeforeAll
    static void start() {
        ruby = RubyShim.start(List.of());
    }

    @AfterAll
    static void stop() {
        ruby.close();
    }

    @Test
    void deep_symbolize_keys_reaches_hashes_inside_arrays() {
        assertThat(ruby.eval("{ 'a' => [{ 'b' => 1 }], 'c' => { 'd' => 2 } }.deep_symbolize_keys == { a: [{ b: 1 }], c: { d: 2 } }"))
                .isEqualTo(true);
    }

    @Test
    void deep_stringify_and_symbolize_keys_convert_keys_at_each_level() {
        assertThat(ruby.eval("{ a: { b: 1 } }.deep_stringify_keys")).isEqualTo(Map.of("a", Map.of("b", 1L)));
        assertThat(ruby.eval("{ 'a' => { 'b' => 1 } }.symbolize_keys.keys.map(&:class).map(&:name)")).isEqualTo(List.of("Symbol"));
        assertThat(ruby.eval("{ 'a' => { 'b' => 1 } }.symbolize_keys[:a].keys")).isEqualTo(List.of("b"));
    }

    @Test
    void hash_with_indifferent_access_finds_string_and_symbol_keys_in_nested_hashes_and_arrays() {
        assertThat(ruby.eval("""
                h = { 'order' => { 'items' => [{ 'sku' => 'A1' }] } }.with_indifferent_access
                [h[:order][:items][0][:sku], h['order']['items'][0]['sku'], h.dig(:order, :items, 0, :sku),
                 h.fetch(:order).key?(:items), h.is_a?(ActiveSupport::HashWithIndifferentAccess), HashWithIndifferentAccess == ActiveSupport::HashWithIndifferentAccess]
                """)).isEqualTo(List.of("A1", "A1", "A1", true, true, true));
    }

    @Test
    void hash_with_indifferent_access_stores_symbol_keys_as_strings_and_converts_back_to_plain_hashes() {
        assertThat(ruby.eval("""
                h = ActiveSupport::HashWithIndifferentAccess.new
                h[:a] = { b: 1 }
                h.merge!(c: 2)
                [h.keys, h[:a].class.name, h.to_hash[:a].nil?, h.to_hash['a'].class.name, h.deep_symbolize_keys[:a][:b],
                 h.slice(:a).keys, h.except(:a).keys, h.symbolize_keys.keys.map(&:to_s)]
                """)).isEqualTo(List.of(List.of("a", "c"), "ActiveSupport::HashWithIndifferentAccess", true, "Hash", 1L,
                List.of("a"), List.of("c"), List.of("a", "c")));
    }

    @Test
    void deep_merge_merges_nested_hashes_and_lets_a_block_decide_conflicts() {
        assertThat(ruby.eval("{ a: { b: 1, c: 2 } }.deep_merge(a: { c: 3, d: 4 })")).isEqualTo(Map.of("a", Map.of("b", 1L, "c", 3L, "d", 4L)));
        assertThat(ruby.eval("{ a: 1 }.deep_merge({ a: 2 }) { |_key, mine, theirs| mine + theirs }")).isEqualTo(Map.of("a", 3L));
    }

    @Test
    void blank_present_presence_and_in_follow_rails() {
        assertThat(ruby.eval("[nil.blank?, ''.blank?, '  '.blank?, [].blank?, {}.blank?, false.blank?, 0.blank?, 'x'.present?, ''.presence, 'x'.presence, 2.in?([1, 2]), 3.in?(1..2)]"))
                .isEqualTo(java.util.Arrays.asList(true, true, true, true, true, true, false, true, null, "x", true, false));
    }

    @Test
    void index_by_keys_elements_by_the_block() {
        assertThat(ruby.eval("[{ id: 1, n: 'a' }, { id: 2, n: 'b' }].index_by { |x| x[:id] }.transform_values { |x| x[:n] }.transform_keys(&:to_s)"))
                .isEqualTo(Map.of("1", "a", "2", "b"));
    }

    @Test
    void string_inflections_match_rails() {
        assertThat(ruby.eval("['OrderFulfillment::ProcessPaymentHandler'.underscore, 'order_fulfillment/process_payment_handler'.camelize, "
                + "'HTTPClient'.underscore, 'api_task/integration_yaml_example'.camelize, 'Tasker::StepHandler::Base'.constantize.name, "
                + "'No::Such::Thing'.safe_constantize, 'A::B::CHandler'.demodulize]"))
                .isEqualTo(java.util.Arrays.asList("order_fulfillment/process_payment_handler", "OrderFulfillment::ProcessPaymentHandler",
                        "http_client", "ApiTask::IntegrationYamlExample", "Tasker::StepHandler::Base", null, "CHandler"));
    }

    @Test
    void integer_durations_give_times_with_iso8601_to_date_and_strftime() {
        assertThat(ruby.eval("""
                t = 2.hours.from_now
                past = 3.days.ago
                [(t - Time.now).round, ((Time.now - past) / 86_400).round, t.iso8601.end_with?('Z'), past.to_date.is_a?(Date),
                 t.strftime('%Y').size, 90.seconds.to_i, 5.minutes.inspect, (Time.at(0).utc + 1.day).iso8601, 1.hour == 3600]
                """)).isEqualTo(List.of(7200L, 3L, true, true, 4L, 90L, "5 minutes", "1970-01-02T00:00:00Z", true));
    }

    @Test
    void time_current_and_time_zone_are_utc_and_date_current_is_today_in_utc() {
        assertThat(ruby.eval("""
                [Time.current.utc?, Time.zone.now.utc?, Time.zone.name, Time.zone.parse('2026-03-01 10:00').iso8601,
                 Time.zone.parse('2026-03-01T10:00:00+02:00').iso8601, Date.current == Time.now.utc.to_date]
                """)).isEqualTo(List.of(true, true, "UTC", "2026-03-01T10:00:00Z", "2026-03-01T08:00:00Z", true));
    }

    @Test
    void class_attribute_is_inherited_and_overridable_per_subclass() {
        assertThat(ruby.eval("""
                class AsParent; class_attribute :settings, default: { retries: 1 }; end
                class AsChild < AsParent; self.settings = { retries: 5 }; end
                [AsParent.settings[:retries], AsChild.settings[:retries], AsChild.new.settings[:retries], AsParent.settings?]
                """)).isEqualTo(List.of(1L, 5L, 5L, true));
    }

    @Test
    void concern_runs_included_blocks_and_adds_class_methods() {
        assertThat(ruby.eval("""
                module Auditable
                  extend ActiveSupport::Concern
                  included { class_attribute :audited, default: true }
                  class_methods { def audit_label; "audit:#{name}"; end }
                  def audit?; audited; end
                end
                class AuditedThing; include Auditable; end
                [AuditedThing.audit_label, AuditedThing.new.audit?]
                """)).isEqualTo(List.of("audit:AuditedThing", true));
    }

    @Test
    void big_decimal_prints_plain_digits_as_active_support_does() {
        assertThat(ruby.eval("[BigDecimal('12.34').to_s, \"#{BigDecimal('100')}\", BigDecimal(BigDecimal('0.1').to_s) == BigDecimal('0.1')]"))
                .isEqualTo(List.of("12.34", "100.0", true));
    }

    @Test
    void rails_gives_the_environment_the_root_and_a_logger() {
        assertThat(ruby.eval("[Rails.env, Rails.env.test?, Rails.env.production?, Rails.root.is_a?(Pathname), Rails.logger.info('hello')]"))
                .isEqualTo(List.of("test", true, false, true, true));
        assertThat(ruby.handle.logLines).contains(List.of("info", "hello", Map.of()));
    }

    @Test
    void rails_logger_takes_a_hash_whose_message_key_becomes_the_message() {
        ruby.eval("Rails.logger.warn(message: 'payment slow', order_id: 7)");
        assertThat(ruby.handle.logLines).contains(List.of("warn", "payment slow", Map.of("order_id", 7L)));
    }
}
