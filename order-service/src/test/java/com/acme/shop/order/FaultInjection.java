package com.acme.shop.order;

import com.acme.shop.contracts.EventEnvelope;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Test-only faults around the real beans, armed per product or per order so tests never disturb each other
 * (one shared context). Nothing is mocked: the faults are advisors on the real {@code Stock} and
 * {@code PaymentEventHandler} proxies.
 *
 * <ul>
 *   <li>{@link #failStockTaking}: {@code Stock.takeAll} throws a given (technical) exception the next N times it
 *       is asked for the product, inside the order transaction, which then rolls back.</li>
 *   <li>{@link #crashOnceAfterCommit}: {@code PaymentEventHandler.onPaymentApproved} returns from its committed
 *       transaction and then throws once, as if the consumer died after the DB commit and before the offset
 *       commit: Kafka redelivers the record.</li>
 * </ul>
 */
public class FaultInjection {

    private final Map<String, AtomicInteger> stockFailuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Supplier<RuntimeException>> stockFailure = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stockAttempts = new ConcurrentHashMap<>();
    private final Set<String> crashAfterCommit = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> approvalsApplied = new ConcurrentHashMap<>();

    /** The next {@code times} attempts to take stock of {@code productId} throw {@code failure}. */
    public void failStockTaking(String productId, int times, Supplier<RuntimeException> failure) {
        stockFailure.put(productId, failure);
        stockFailuresLeft.put(productId, new AtomicInteger(times));
    }

    /** How often stock of the product was asked for (failed attempts included). */
    public int stockAttempts(String productId) {
        AtomicInteger attempts = stockAttempts.get(productId);
        return attempts == null ? 0 : attempts.get();
    }

    /** The first approval of {@code orderId} that returns from its committed transaction then throws. */
    public void crashOnceAfterCommit(String orderId) {
        crashAfterCommit.add(orderId);
    }

    /** How many deliveries of an approval of {@code orderId} returned from the transactional handler. */
    public int approvalsApplied(String orderId) {
        AtomicInteger applied = approvalsApplied.get(orderId);
        return applied == null ? 0 : applied.get();
    }

    private void beforeStockTaking(Map<?, ?> quantities) {
        for (Object productId : quantities.keySet()) {
            stockAttempts.computeIfAbsent((String) productId, id -> new AtomicInteger()).incrementAndGet();
            AtomicInteger left = stockFailuresLeft.get(productId);
            if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw stockFailure.get(productId).get();
            }
        }
    }

    private void afterApprovalCommitted(EventEnvelope<?> event) {
        approvalsApplied.computeIfAbsent(event.orderId(), id -> new AtomicInteger()).incrementAndGet();
        if (crashAfterCommit.remove(event.orderId())) {
            throw new IllegalStateException("simulated consumer crash after the commit of order " + event.orderId());
        }
    }

    /** Imported by {@link AbstractIntegrationTest}, so every IT shares one context with the faults wired in. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        FaultInjection faultInjection() {
            return new FaultInjection();
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor stockFaults(ObjectProvider<FaultInjection> faults) {
            return advisor("com.acme.shop.order.catalog.Stock", "takeAll", invocation -> {
                faults.getObject().beforeStockTaking((Map<?, ?>) invocation.getArguments()[0]);
                return invocation.proceed();
            });
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor crashAfterCommitFaults(ObjectProvider<FaultInjection> faults) {
            // outermost advisor: proceed() returns after the transaction interceptor committed
            return advisor("com.acme.shop.order.saga.PaymentEventHandler", "onPaymentApproved", invocation -> {
                Object result = invocation.proceed();
                faults.getObject().afterApprovalCommitted((EventEnvelope<?>) invocation.getArguments()[0]);
                return result;
            });
        }

        private static Advisor advisor(String className, String methodName, MethodInterceptor interceptor) {
            StaticMethodMatcherPointcutAdvisor advisor = new StaticMethodMatcherPointcutAdvisor() {
                @Override
                public boolean matches(Method method, Class<?> targetClass) {
                    return method.getName().equals(methodName)
                            && ClassUtils.getUserClass(targetClass).getName().equals(className);
                }
            };
            advisor.setAdvice(interceptor);
            advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return advisor;
        }
    }
}
