package com.acme.shop.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every service checks in its {@code ArchitectureTest}, with plain ArchUnit (no test engine):
 *
 * <pre>
 * JavaClasses main = ArchitectureRules.mainClassesOf("com.acme.shop.order");
 * ArchitectureRules.noPackageCycles("com.acme.shop.order").check(main);
 * </pre>
 *
 * The convention they guard: a service's root package holds its application class and its aggregate, each
 * first-level subpackage is one capability, and dependencies between them point one way.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The production classes of the service under {@code rootPackage}: test classes and jars are left out. */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /**
     * No cycle between the packages of a service. The root package is one slice of its own, and each first-level
     * subpackage, everything below it included, is another. So {@code order -> order.saga -> order} is a cycle, as
     * is {@code order.saga -> order.catalog -> order.saga}; a dependency inside one subpackage tree is not.
     * Classes outside {@code rootPackage} (libraries, other modules) are not part of any slice.
     *
     * <p>{@code slices().matching("..(*)..")} is not enough: the root's own classes match no slice there, so a
     * cycle through the root package would go unseen.
     */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().assignedFrom(new RootAndFirstLevelSubpackages(rootPackage))
                .should().beFreeOfCycles()
                .as("the packages of " + rootPackage + " (the root package and each first-level subpackage) "
                        + "should be free of cycles");
    }

    /**
     * The classes of {@code packageName} (its subpackages not included) are used only inside that package: a
     * wire-types package, such as the JSON records of a PG adapter, whose types must not leak into the rest of the
     * service. "Used" is any dependency: a call, a field or parameter type, an annotation, a superclass.
     */
    public static ArchRule usedOnlyInside(String packageName) {
        return usedOnlyInside(packageName, "");
    }

    /**
     * Like {@link #usedOnlyInside(String)}, for the types of {@code packageName} whose simple name starts with
     * {@code typeNamePrefix} (their nested classes included), when the wire types share a package with the code
     * that maps them: {@code usedOnlyInside("com.acme.shop.settlement.reconciliation", "Toss")}.
     */
    public static ArchRule usedOnlyInside(String packageName, String typeNamePrefix) {
        String namePrefix = packageName + "." + typeNamePrefix;
        DescribedPredicate<JavaClass> wireTypes = DescribedPredicate.describe(
                typeNamePrefix.isEmpty() ? "reside in package " + packageName
                        : "are " + typeNamePrefix + "* types of package " + packageName,
                c -> c.getPackageName().equals(packageName) && c.getName().startsWith(namePrefix));
        return classes().that(wireTypes)
                .should(beUsedOnlyFromTheirOwnPackage())
                .as("classes that " + wireTypes.getDescription() + " should be used only inside " + packageName);
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass wireType, ConditionEvents events) {
                for (Dependency dependency : wireType.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    boolean outside = !user.getPackageName().equals(wireType.getPackageName());
                    if (outside) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** One slice for the root package, one per first-level subpackage tree; everything else ignored. */
    private record RootAndFirstLevelSubpackages(String rootPackage) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            if (packageName.equals(rootPackage)) {
                return SliceIdentifier.of(rootPackage);
            }
            if (!packageName.startsWith(rootPackage + ".")) {
                return SliceIdentifier.ignore();
            }
            String below = packageName.substring(rootPackage.length() + 1);
            int dot = below.indexOf('.');
            return SliceIdentifier.of(rootPackage + "." + (dot < 0 ? below : below.substring(0, dot)));
        }

        @Override
        public String getDescription() {
            return "the root package " + rootPackage + " and each of its first-level subpackages";
        }
    }
}
