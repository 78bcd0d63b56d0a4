package com.acme.shop.admin.operator;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface Operators extends JpaRepository<Operator, Long> {

    Optional<Operator> findByUsername(String username);

    /** The row locked, so that wrong passwords sent at the same moment are all counted. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Operator o where o.username = :username")
    Optional<Operator> lockByUsername(@Param("username") String username);

    java.util.List<Operator> findAllByOrderByUsernameAsc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Operator o where o.id = :id")
    Optional<Operator> lockById(@Param("id") long id);

    @Query("select count(distinct o) from Operator o join o.roles r where o.enabled = true and r = :role")
    long countEnabledWithRole(@Param("role") OperatorRole role);

    @Query("select count(o) > 0 from Operator o join o.roles r where o.enabled = true and r = :role")
    boolean existsEnabledWithRole(@Param("role") OperatorRole role);
}
