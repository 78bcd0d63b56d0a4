package com.acme.shop.settlement;

import com.acme.shop.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The package rules of test-support's {@link ArchitectureRules}, on this service's production classes. */
class ArchitectureTest {

    private static final String ROOT = "com.acme.shop.settlement";
    private static final JavaClasses MAIN = ArchitectureRules.mainClassesOf(ROOT);

    @Test
    void importsTheProductionClassesOnly() {
        assertThat(MAIN.contain(SettlementServiceApplication.class)).isTrue();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(MAIN);
    }

    /** Toss's settlement JSON and its client are reconciliation's business: the ledger and the export never see them. */
    @Test
    void tossWireTypesStayInReconciliation() {
        ArchitectureRules.usedOnlyInside(ROOT + ".reconciliation", "Toss").check(MAIN);
    }
}
