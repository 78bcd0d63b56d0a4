package com.acme.shop.admin.deadletter;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface DeadLetters extends JpaRepository<DeadLetter, Long> {

    long countByStatus(DeadLetterStatus status);

    boolean existsByTopicAndDltPartitionAndDltOffset(String topic, int partition, long offset);

    /** Newest first; {@code topic} matches the dead-letter topic or the original one. Null filters match all. */
    @Query("""
            select d from DeadLetter d
            where (:status is null or d.status = :status)
              and (:topic is null or d.topic = :topic or d.originalTopic = :topic)
              and (:key is null or d.messageKey = :key)
            order by d.id desc""")
    List<DeadLetter> latest(@Param("status") DeadLetterStatus status, @Param("topic") String topic,
                            @Param("key") String key, Pageable page);

    /** The row locked for the replay, so two operators pressing "replay" at once publish it once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from DeadLetter d where d.id = :id")
    Optional<DeadLetter> lockById(@Param("id") long id);
}
