package com.acme.shop.payment;

import com.acme.shop.platform.web.ApiException;
import com.acme.shop.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * payment-service's package rules (docs/packages.md): no cycles between the aggregate in the root package and the
 * capabilities around it; the Toss adapter's wire types stay inside the adapter; the domain throws its own
 * exceptions, and only the web layer turns them into HTTP problems.
 */
class ArchitectureTest {

    private static final String ROOT = "com.acme.shop.payment";
    private static final JavaClasses MAIN = ArchitectureRules.mainClassesOf(ROOT);

    @Test
    void importsTheProductionClassesOnly() {
        assertThat(MAIN.contain(PaymentServiceApplication.class)).isTrue();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(MAIN);
    }

    @Test
    void tossWireTypesStayInsideTheAdapter() {
        ArchitectureRules.usedOnlyInside(ROOT + ".gateway.toss").check(MAIN);
    }

    @Test
    void noExceptionOfTheServiceIsAnHttpProblem() {
        noClasses().should().beAssignableTo(ApiException.class)
                .because("domain exceptions stay domain; web.PaymentApiErrors maps them to problem responses")
                .check(MAIN);
    }

    @Test
    void thePaymentAggregateKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "com.acme.shop.platform.web..")
                .check(MAIN);
    }
}
