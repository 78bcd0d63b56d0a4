package com.acme.shop.chaos.run;

import com.acme.shop.chaos.check.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run of CI (issue #13): about 300 sagas under the Toss fault mix, kill -9 of every service once,
 * a Kafka and a MariaDB restart, then the invariant checker over every order must find nothing but {@code match}.
 * Runs the real exec jars as child processes (built earlier in the reactor). Sizes: {@code -Dchaos.it.sagas},
 * {@code -Dchaos.it.instances=1,2}.
 */
class ChaosRunIT {

    static Stream<Integer> instanceCounts() {
        return Arrays.stream(System.getProperty("chaos.it.instances", "1").split(",")).map(String::trim)
                .map(Integer::parseInt);
    }

    @ParameterizedTest(name = "{0} instance(s) per service")
    @MethodSource("instanceCounts")
    void aShortChaosRunEndsWithZeroViolations(int instances) throws Exception {
        Path root = Path.of(System.getProperty("chaos.project-root", "..")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("chaos.work-dir", "target/chaos-it")).resolve("instances-" + instances);
        int sagas = Integer.getInteger("chaos.it.sagas", 300);
        ChaosRun.Result result = new ChaosRun(new ChaosRun.Options(sagas, instances, 12, 7, true, true,
                Duration.ofMinutes(3), root, work, work.resolve("chaos-report.md"))).run();

        System.out.println(result.reportMarkdown());
        assertThat(result.quiescent()).as("quiescent within the budget").isTrue();
        assertThat(result.check().violations()).as("rows not matching").isEmpty();
        // the load really ran (checkouts refused while a service was down leave no order behind, and no row)
        assertThat(result.snapshot().orders().size()).isGreaterThanOrEqualTo(sagas / 2);
        assertThat(result.check().byKind().get(Kind.MATCH)).isGreaterThanOrEqualTo(result.snapshot().orders().size());
        // every break happened and the system came back from each: a saga completed end to end after it
        assertThat(result.breaks()).extracting(ChaosRun.Break::what).contains("kill -9 payment-service#0",
                "Kafka broker restart", "MariaDB kill -9 and restart");
        assertThat(result.breaks()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(result.breaks()).allSatisfy(b -> assertThat(b.firstSagaAt()).as(b.what()).isNotNull());
        // the mix really ran: compensations, operator refunds, virtual accounts, aborted windows
        assertThat(Report.outcomes(result.snapshot()).keySet()).anyMatch(o -> o.startsWith("compensated"))
                .anyMatch(o -> o.startsWith("completed, then partly refunded"))
                .anyMatch(o -> o.startsWith("aborted"));
        assertThat(result.counters()).containsKey("deposit made");
    }
}
