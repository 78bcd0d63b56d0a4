package com.acme.shop.platform;

import com.acme.shop.contracts.EventCodec;
import com.acme.shop.contracts.Topics;
import com.acme.shop.platform.inbox.Inbox;
import com.acme.shop.platform.jobs.JobRunner;
import com.acme.shop.platform.kafka.KafkaHealthIndicator;
import com.acme.shop.platform.kafka.KafkaTopicsProperties;
import com.acme.shop.platform.outbox.OutboxMetrics;
import com.acme.shop.platform.outbox.OutboxProperties;
import com.acme.shop.platform.outbox.OutboxRelay;
import com.acme.shop.platform.outbox.OutboxTracing;
import com.acme.shop.platform.outbox.OutboxWriter;
import com.acme.shop.platform.observability.OrderIdRecordInterceptor;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.kafka.listener.RecordInterceptor;
import com.acme.shop.platform.web.ProblemErrorReportValve;
import com.acme.shop.platform.web.StrictRequestBodies;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import com.acme.shop.platform.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires the shared plumbing into every service that has the platform jar: problem responses, the
 * event codec, outbox + relay + metrics, inbox, Kafka health, the saga topics and consumer error
 * handling (bounded retries, then the dead-letter topic; unreadable events go there at once).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, KafkaTopicsProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnMissingBean(ProblemDetailsAdvice.class)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * Request bodies are read strictly (a request that does not say exactly what it means is refused, never guessed
     * at): unknown fields, a fraction where a whole number belongs, a string where a number belongs, a null for a
     * primitive, and trailing tokens are all 400s. Only the server side: what other systems answer us (Toss adds
     * fields without notice) is read leniently.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    StrictRequestBodies strictRequestBodies(JsonMapper jsonMapper) {
        return new StrictRequestBodies(jsonMapper);
    }

    /** Tomcat's own error answers (before Spring sees a request) as problems too, not HTML pages. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatErrorConfiguration {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({JdbcTemplate.class, KafkaTemplate.class, TransactionTemplate.class})
    static class OutboxConfiguration {

        /** The trace of the request that wrote an event, carried through the outbox (docs/observability.md). */
        @Bean
        OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new OutboxTracing(tracer::getIfAvailable, propagator::getIfAvailable);
        }

        @Bean
        @SuppressWarnings("unchecked")
        OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<?, ?> kafka,
                                OutboxProperties properties, Clock clock, OutboxTracing tracing) {
            return new OutboxRelay(jdbc, tx, (KafkaTemplate<String, String>) kafka, properties, clock, tracing);
        }

        @Bean
        OutboxWriter outboxWriter(JdbcTemplate jdbc, EventCodec codec, Clock clock, OutboxRelay relay,
                                  OutboxTracing tracing) {
            return new OutboxWriter(jdbc, codec, clock, relay, tracing);
        }

        /**
         * A meter binder, which Boot binds to whatever registry it creates; it was {@code @ConditionalOnBean(MeterRegistry)},
         * which never matched: this auto-configuration is ordered before the one that creates the registry.
         */
        @Bean
        OutboxMetrics outboxMetrics(JdbcTemplate jdbc, Clock clock) {
            return new OutboxMetrics(jdbc, clock);
        }
    }

    /** The durable-job runner every queue of the service registers with (docs/durable-jobs.md). */
    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    JobRunner jobRunner(JdbcTemplate jdbc, Clock clock, Environment environment, ObjectProvider<MeterRegistry> registry) {
        return new JobRunner(jdbc, clock, environment, registry.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    Inbox inbox(JdbcTemplate jdbc, Clock clock) {
        return new Inbox(jdbc, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(KafkaAdmin.class)
    static class KafkaConfiguration {

        /** Every listener's log lines carry the orderId of the record they work on (the record key). */
        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        OrderIdRecordInterceptor orderIdRecordInterceptor() {
            return new OrderIdRecordInterceptor();
        }

        @Bean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
            return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
        }

        @Bean
        KafkaAdmin.NewTopics sagaTopics(KafkaTopicsProperties properties) {
            return new KafkaAdmin.NewTopics(
                    topic(Topics.PAYMENT_EVENTS, properties),
                    topic(Topics.deadLetterOf(Topics.PAYMENT_EVENTS), properties),
                    topic(Topics.ORDER_EVENTS, properties),
                    topic(Topics.deadLetterOf(Topics.ORDER_EVENTS), properties));
        }

        private static NewTopic topic(String name, KafkaTopicsProperties properties) {
            return TopicBuilder.name(name).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build();
        }

        /**
         * Retries a failing record a few times with exponential back-off (a DB hiccup heals), then
         * publishes it to {@code <topic>.DLT} with the cause and its origin (topic, partition, offset)
         * in headers, and moves on, so one bad record never blocks the partition. Records that can
         * never be read (not JSON, schema-invalid) skip the retries.
         */
        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        @SuppressWarnings("unchecked")
        DefaultErrorHandler kafkaErrorHandler(ObjectProvider<KafkaTemplate<?, ?>> template,
                                              KafkaTopicsProperties properties) {
            // spring-kafka's default destination is "<topic>-dlt"; ours is Topics.deadLetterOf(topic), same partition.
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                    (KafkaTemplate<Object, Object>) template.getObject(),
                    (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
            backOff.setInitialInterval(properties.retryInitialDelay().toMillis());
            backOff.setMultiplier(2.0);
            // A record read from a dead-letter topic (admin's dead-letter store) that still fails is not dead-lettered
            // again (no <topic>.DLT.DLT): it stays in its DLT, where Kafka tools and a fixed consumer can reach it.
            DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
                if (record.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                    LoggerFactory.getLogger(PlatformAutoConfiguration.class).error(
                            "Could not process dead letter {}-{}@{}; it stays in its topic: {}", record.topic(),
                            record.partition(), record.offset(), exception.toString());
                } else {
                    recoverer.accept(record, exception);
                }
            }, backOff);
            handler.addNotRetryableExceptions(EventCodec.InvalidEventException.class);
            return handler;
        }
    }
}
