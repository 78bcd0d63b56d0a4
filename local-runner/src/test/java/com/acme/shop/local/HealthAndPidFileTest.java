package com.acme.shop.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAndPidFileTest {

    @TempDir
    Path dir;

    @Test
    void healthBodyMustSayUp() {
        assertThat(HealthWaiter.isUpBody("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}")).isTrue();
        assertThat(HealthWaiter.isUpBody("{ \"status\" : \"UP\" }")).isTrue();
        assertThat(HealthWaiter.isUpBody("{\"status\":\"DOWN\"}")).isFalse();
        assertThat(HealthWaiter.isUpBody("{\"status\":\"OUT_OF_SERVICE\"}")).isFalse();
        assertThat(HealthWaiter.isUpBody(null)).isFalse();
    }

    @Test
    void nothingListeningIsNotUp() {
        int port = com.acme.shop.infra.FreePorts.pick();
        assertThat(new HealthWaiter(java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(100)).isUp(port))
                .isFalse();
    }

    @Test
    void pidFileRoundTripAndLeftoversThatAreNotOursAreLeftAlone() throws Exception {
        PidFile pidFile = new PidFile(dir.resolve(".local/pids"));
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(PidFile.LAUNCHER, ProcessHandle.current().pid());
        // This test JVM's pid under an application name: its command line is not that jar, so it must survive.
        pids.put("payment-service", ProcessHandle.current().pid());
        pids.put("mariadb", ProcessHandle.current().pid());
        pidFile.write(pids);

        assertThat(pidFile.read()).isEqualTo(pids);
        assertThat(pidFile.runningLauncher()).isEmpty(); // the recorded launcher is this very process
        assertThat(pidFile.stopLeftovers()).isEmpty();
        assertThat(ProcessHandle.current().isAlive()).isTrue();

        pidFile.delete();
        assertThat(Files.exists(dir.resolve(".local/pids"))).isFalse();
        assertThat(pidFile.read()).isEmpty();
    }
}
