package com.acme.shop.order.saga;

import com.acme.shop.contracts.LineItem;
import com.acme.shop.order.Order;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class TechnicalFailuresTest {

    @Test
    void databaseHiccupsAreTechnicalWhereverTheyHideInTheCauseChain() {
        assertThat(TechnicalFailures.isTechnical(new QueryTimeoutException("timeout"))).isTrue();
        assertThat(TechnicalFailures.isTechnical(new CannotAcquireLockException("lock wait"))).isTrue();
        assertThat(TechnicalFailures.isTechnical(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(TechnicalFailures.isTechnical(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(TechnicalFailures.isTechnical(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("pool exhausted")))).isTrue();
    }

    @Test
    void bugsAndBadDataAreNotTechnical() {
        assertThat(TechnicalFailures.isTechnical(new IllegalArgumentException("order has no lines"))).isFalse();
        assertThat(TechnicalFailures.isTechnical(new DataIntegrityViolationException("duplicate key"))).isFalse();
        Throwable refusedTransition = refundOfCanceledOrder();
        assertThat(refusedTransition).isInstanceOf(IllegalStateException.class).hasMessageContaining("CANCELED");
        assertThat(TechnicalFailures.isTechnical(refusedTransition)).isFalse();
    }

    /** What the aggregate throws for a move its status does not allow. */
    private static Throwable refundOfCanceledOrder() {
        Order order = Order.created("o-1", "pk-1", "customer-1", 9_000,
                List.of(new LineItem("MUG-WHT", "토스 머그컵", 1, 9_000)), Instant.EPOCH);
        order.recordRefund(9_000, 0, Instant.EPOCH);
        return catchThrowable(() -> order.recordRefund(1_000, 0, Instant.EPOCH));
    }

    @Test
    void describesTheInnermostCause() {
        assertThat(TechnicalFailures.describe(new IllegalStateException("outer", new QueryTimeoutException("lock wait"))))
                .isEqualTo("QueryTimeoutException: lock wait");
    }

    @Test
    void budgetGivesMaxAttemptsMinusOneBackOffsThenStops() {
        var execution = new TechnicalRetryProperties(3, Duration.ofMillis(100), 2.0, Duration.ofMillis(150)).backOff().start();

        assertThat(execution.nextBackOff()).isEqualTo(100);
        assertThat(execution.nextBackOff()).isEqualTo(150);
        assertThat(execution.nextBackOff()).isEqualTo(org.springframework.util.backoff.BackOffExecution.STOP);
        assertThatThrownBy(() -> new TechnicalRetryProperties(0, Duration.ZERO, 2.0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
