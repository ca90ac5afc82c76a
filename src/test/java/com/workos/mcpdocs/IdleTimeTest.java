package com.workos.mcpdocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wait for a quiet time, on a clock that only the waits move. */
class IdleTimeTest {

    long now = 1_000;
    final List<Long> sleeps = new ArrayList<>();

    @Test
    void waitsTheQuietTimeFromTheLastRequest() {
        IdleTime idle = new IdleTime(300, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
        assertThat(idle.awaitQuiet()).isTrue();
        assertThat(sleeps).containsExactly(300L);
        assertThat(idle.awaitQuiet()).isTrue();
        assertThat(sleeps).hasSize(1);
        now += 100;
        idle.touch();
        now += 50;
        assertThat(idle.awaitQuiet()).isTrue();
        assertThat(sleeps).containsExactly(300L, 250L);
    }

    @Test
    void aRequestDuringTheWaitStartsItAgain() {
        IdleTime[] idle = new IdleTime[1];
        idle[0] = new IdleTime(300, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
            if (sleeps.size() == 1) {
                idle[0].touch();
            }
        });
        assertThat(idle[0].awaitQuiet()).isTrue();
        assertThat(sleeps).containsExactly(300L, 300L);
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheFlag() {
        IdleTime idle = new IdleTime(300, () -> now, nanos -> {
            throw new InterruptedException();
        });
        assertThat(idle.awaitQuiet()).isFalse();
        assertThat(Thread.interrupted()).isTrue();
    }
}
