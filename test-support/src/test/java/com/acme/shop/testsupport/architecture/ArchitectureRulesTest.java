package com.acme.shop.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shows the rules catch what they are for, on the made-up shops in {@code fixture}: a rule that passes on every
 * service proves nothing until it has been seen failing.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "com.acme.shop.testsupport.architecture.fixture";

    /** The report on one line: ArchUnit breaks a cycle's path over several. */
    private static String report(EvaluationResult result) {
        return result.getFailureReport().toString().replaceAll("\\s+", " ");
    }

    private static JavaClasses classesOf(String fixture) {
        // the fixtures are test classes, so no DO_NOT_INCLUDE_TESTS here
        return new ClassFileImporter().importPackages(FIXTURE + "." + fixture);
    }

    @Test
    void cycleRuleRejectsTwoSubpackagesUsingEachOther() {
        String root = FIXTURE + ".cyclic";

        EvaluationResult result = ArchitectureRules.noPackageCycles(root).evaluate(classesOf("cyclic"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result))
                .contains("Cycle detected: Slice " + root + ".a -> Slice " + root + ".b -> Slice " + root + ".a")
                .contains("Alpha.beta()", "Beta.alpha()");
        assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(root).check(classesOf("cyclic")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void cycleRuleRejectsACycleThroughTheRootPackage() {
        String root = FIXTURE + ".rootcycle";

        EvaluationResult result = ArchitectureRules.noPackageCycles(root).evaluate(classesOf("rootcycle"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result))
                .contains("Slice " + root + " -> Slice " + root + ".saga -> Slice " + root);
    }

    @Test
    void subpackageSlicesAloneMissTheCycleThroughTheRootPackage() {
        // why noPackageCycles assigns slices itself: with "(*)" matching only subpackages, the root's Order is in
        // no slice and the rule passes
        ArchRule naive = slices().matching(FIXTURE + ".rootcycle.(*)..").should().beFreeOfCycles();

        assertThat(naive.evaluate(classesOf("rootcycle")).hasViolation()).isFalse();
    }

    @Test
    void cycleRuleAcceptsOneWayDependenciesAndCyclesInsideOneSubpackageTree() {
        // saga -> root, saga -> catalog; catalog <-> catalog.shelf stays inside catalog's slice
        assertThatNoException().isThrownBy(() ->
                ArchitectureRules.noPackageCycles(FIXTURE + ".acyclic").check(classesOf("acyclic")));
    }

    @Test
    void wireTypeRuleRejectsAUserOutsideThePackage() {
        EvaluationResult result = ArchitectureRules.usedOnlyInside(FIXTURE + ".wire.toss").evaluate(classesOf("wire"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .allMatch(line -> line.contains("wire.leak.Checkout"))
                .anyMatch(line -> line.contains("TossPaymentJson.paymentKey()"));
    }

    @Test
    void wireTypeRuleAcceptsUseInsideThePackage() {
        assertThatNoException().isThrownBy(() ->
                ArchitectureRules.usedOnlyInside(FIXTURE + ".wire.toss").check(classesOf("wire.toss")));
    }

    @Test
    void wireTypeRuleWithPrefixChecksOnlyThoseTypesAndTheirNestedOnes() {
        JavaClasses wire = classesOf("wire");

        assertThat(ArchitectureRules.usedOnlyInside(FIXTURE + ".wire.toss", "TossPayment").evaluate(wire)
                .hasViolation()).isTrue();
        assertThatNoException().isThrownBy(() ->
                ArchitectureRules.usedOnlyInside(FIXTURE + ".wire.toss", "TossGateway").check(wire));
    }
}
