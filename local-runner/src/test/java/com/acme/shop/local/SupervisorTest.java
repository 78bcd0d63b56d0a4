package com.acme.shop.local;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's rules with fake processes: restart after back-off, health, crash loops, no restart after detach. */
class SupervisorTest {

    /** A process that exits when told to, with the exit code a signal would give. */
    static final class FakeChild implements Supervisor.Child {
        private static final AtomicLong PIDS = new AtomicLong(1000);
        final long pid = PIDS.incrementAndGet();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final AtomicBoolean stopRequested = new AtomicBoolean();

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public int port() {
            return 1;
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return exit;
        }

        @Override
        public void kill() {
            exit.complete(137);
        }

        @Override
        public void requestStop() {
            stopRequested.set(true);
            exit.complete(143);
        }

        @Override
        public boolean awaitOrKill(long deadlineNanos) {
            return exit.isDone();
        }
    }

    /** Every event as a line, in order. */
    static final class Recorder implements SupervisorListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void died(App app, int instance, Instant at, int exitCode) {
            events.add("died " + app.module() + "#" + instance + " " + exitCode);
        }

        @Override
        public void restarted(App app, int instance, Instant at, long pid, int attempt, Duration backoff) {
            events.add("restarted #" + instance + " attempt " + attempt + " after " + backoff.toMillis() + " ms");
        }

        @Override
        public void healthy(App app, int instance, Instant at, Duration downtime) {
            events.add("healthy #" + instance);
        }

        String next() throws InterruptedException {
            String e = events.poll(5, TimeUnit.SECONDS);
            assertThat(e).as("an event within 5 s").isNotNull();
            return e;
        }
    }

    private final List<FakeChild> started = new CopyOnWriteArrayList<>();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final Recorder recorder = new Recorder();
    private final RestartBackoff backoff = new RestartBackoff(Duration.ofMillis(20), Duration.ofMillis(80),
            Duration.ofSeconds(30));

    private Supervisor supervisor(Duration healthTimeout) {
        return new Supervisor(App.ORDER, 1, () -> {
            FakeChild c = new FakeChild();
            started.add(c);
            return c;
        }, port -> healthy.get(), backoff, healthTimeout, Duration.ofMillis(5), List.of(recorder), Clock.systemUTC());
    }

    @Test
    void aKilledInstanceIsReportedRestartedAndHealthyAgain() throws Exception {
        Supervisor supervisor = supervisor(Duration.ofSeconds(5));
        FakeChild first = new FakeChild();
        supervisor.adopt(first);
        assertThat(supervisor.pid()).isEqualTo(first.pid);

        supervisor.kill();

        assertThat(recorder.next()).isEqualTo("died order-service#1 137");
        assertThat(recorder.next()).isEqualTo("restarted #1 attempt 1 after 20 ms");
        assertThat(recorder.next()).isEqualTo("healthy #1");
        assertThat(started).hasSize(1);
        assertThat(supervisor.pid()).isEqualTo(started.getFirst().pid);
    }

    @Test
    void deathsInARowBeforeHealthBackOffExponentiallyUpToTheCap() throws Exception {
        healthy.set(false); // every new process dies before it is healthy
        Supervisor supervisor = supervisor(Duration.ofSeconds(5));
        supervisor.adopt(new FakeChild());
        supervisor.kill();
        assertThat(recorder.next()).startsWith("died");
        List<Long> delays = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String restarted = recorder.next();
            delays.add(Long.parseLong(restarted.replaceAll(".* after (\\d+) ms", "$1")));
            started.getLast().exit.complete(1); // crashes at start
            assertThat(recorder.next()).isEqualTo("died order-service#1 1");
        }
        assertThat(delays).containsExactly(20L, 40L, 80L, 80L);
        supervisor.detach();
    }

    @Test
    void aRestartThatNeverBecomesHealthyIsKilledAndCountsAsADeath() throws Exception {
        healthy.set(false);
        Supervisor supervisor = supervisor(Duration.ofMillis(100));
        supervisor.adopt(new FakeChild());
        supervisor.kill();
        assertThat(recorder.next()).startsWith("died");
        assertThat(recorder.next()).startsWith("restarted #1 attempt 1");
        assertThat(recorder.next()).as("killed after the health timeout").isEqualTo("died order-service#1 137");
        assertThat(recorder.next()).startsWith("restarted #1 attempt 2");
        healthy.set(true);
        assertThat(recorder.next()).isEqualTo("healthy #1");
        supervisor.detach();
    }

    @Test
    void afterDetachADeathIsNotRestarted() throws Exception {
        Supervisor supervisor = supervisor(Duration.ofSeconds(5));
        FakeChild child = new FakeChild();
        supervisor.adopt(child);

        assertThat(supervisor.detach()).isSameAs(child);
        child.requestStop();

        assertThat(recorder.events.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(started).isEmpty();
        assertThat(supervisor.pid()).isEqualTo(-1);
    }

    @Test
    void aStartThatThrowsIsRetriedWithBackOff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Supervisor supervisor = new Supervisor(App.PAYMENT, 0, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new java.io.IOException("no such jar");
            }
            FakeChild c = new FakeChild();
            started.add(c);
            return c;
        }, port -> true, backoff, Duration.ofSeconds(5), Duration.ofMillis(5), List.of(recorder), Clock.systemUTC());
        supervisor.adopt(new FakeChild());
        supervisor.kill();
        assertThat(recorder.next()).isEqualTo("died payment-service#0 137");
        assertThat(recorder.next()).as("third start, after two failed ones").startsWith("restarted #0 attempt 3");
        assertThat(recorder.next()).isEqualTo("healthy #0");
        assertThat(calls).hasValue(3);
    }
}
