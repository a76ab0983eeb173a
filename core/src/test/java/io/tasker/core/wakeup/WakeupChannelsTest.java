package io.tasker.core.wakeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WakeupChannelsTest {

    @Test
    void a_channel_is_quoted_so_that_listen_keeps_its_case_as_pg_notify_does() {
        assertThat(WakeupChannels.quoted(WakeupChannels.WORK)).isEqualTo("\"tasker_work\"");
        assertThat(WakeupChannels.quoted("Mixed \"Case\"")).isEqualTo("\"Mixed \"\"Case\"\"\"");
    }

    @Test
    void refuses_names_postgresql_would_truncate_or_reject() {
        assertThatThrownBy(() -> WakeupChannels.check("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WakeupChannels.check("x".repeat(64))).hasMessageContaining("at most 63 bytes");
        assertThatThrownBy(() -> WakeupChannels.check("é".repeat(32))).hasMessageContaining("at most 63 bytes");
        assertThat(WakeupChannels.check("x".repeat(63))).hasSize(63);
    }
}
