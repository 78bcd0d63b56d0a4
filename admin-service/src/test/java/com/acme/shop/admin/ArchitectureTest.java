package com.acme.shop.admin;

import com.acme.shop.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The package rules of test-support's {@link ArchitectureRules}, on this service's production classes. */
class ArchitectureTest {

    private static final String ROOT = "com.acme.shop.admin";
    private static final JavaClasses MAIN = ArchitectureRules.mainClassesOf(ROOT);

    @Test
    void importsTheProductionClassesOnly() {
        assertThat(MAIN.contain(AdminServiceApplication.class)).isTrue();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(MAIN);
    }
}
