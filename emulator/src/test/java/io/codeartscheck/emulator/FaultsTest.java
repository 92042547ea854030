package io.codeartscheck.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault queues, as the engine and {@link FaultInjector} use them. */
class FaultsTest {

    @Test
    void delayFault_isNeverTakenByACallThatMustNotWait_andWaitsForOneThatMay() {
        Faults faults = new Faults();
        Fault slow = Fault.delay(Duration.ofSeconds(2));
        // Queued after the engine chose the reading thread for a call (delayNext was false then).
        assertThat(faults.delayNext(Operation.SHOW_CODE_HEALTH_SVG)).isFalse();
        faults.add(Operation.SHOW_CODE_HEALTH_SVG, slow);

        assertThat(faults.next(Operation.SHOW_CODE_HEALTH_SVG, false)).isNull();
        assertThat(faults.delayNext(Operation.SHOW_CODE_HEALTH_SVG)).isTrue();
        assertThat(faults.next(Operation.SHOW_CODE_HEALTH_SVG, true)).isSameAs(slow);
        assertThat(faults.pending()).isEmpty();
    }

    @Test
    void faultThatDoesNotWait_isTakenOnAnyThread() {
        Faults faults = new Faults();
        Fault busy = Fault.status(503, "CC.00000010.503", "Busy.").times(2);
        faults.add(Operation.STOP_TASK_BY_ID_V2, busy);

        assertThat(faults.delayNext(Operation.STOP_TASK_BY_ID_V2)).isFalse();
        assertThat(faults.next(Operation.STOP_TASK_BY_ID_V2, false)).isSameAs(busy);
        assertThat(faults.next(Operation.STOP_TASK_BY_ID_V2, false)).isSameAs(busy);
        assertThat(faults.next(Operation.STOP_TASK_BY_ID_V2, false)).isNull();
    }
}
