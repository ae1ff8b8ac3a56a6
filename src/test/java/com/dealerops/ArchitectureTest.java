package com.dealerops;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;

/** The layout rules of STYLE.md, as tests: a rule that fails the build stays. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.dealerops");

    private static final String BASE = "com.dealerops.";

    private static final ArchRule commonDependsOnNoFeature = noClasses().that().resideInAPackage(BASE + "common..")
            .should().dependOnClassesThat(resideInAPackage("com.dealerops..")
                    .and(resideOutsideOfPackage(BASE + "common..")))
            .because("common is shared by every feature and must not know any of them");

    private static final ArchRule featuresDoNotUseOtherFeaturesApi = classes().that().resideInAPackage("com.dealerops..")
            .and().resideOutsideOfPackage(BASE + "common..")
            .should(new ArchCondition<>("not depend on another feature's resource or DTO package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String feature = feature(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        String targetFeature = feature(target);
                        if (targetFeature == null || targetFeature.equals(feature)
                                || targetFeature.equals("common")) {
                            continue;
                        }
                        if (target.getPackageName().contains(".dto") || target.getSimpleName().endsWith("Resource")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    private static final ArchRule resourcesDoNotTouchRepositories = noClasses().that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("resources stay thin: HTTP in, HTTP out; services hold the rules");

    private static final ArchRule entitiesAreNotApiTypes = noClasses().that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
            .because("the API shows request/response records, never entities");

    private static final ArchRule resourcesFinishTheirWorkAfterADisconnect = classes()
            .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().beAnnotatedWith(com.dealerops.common.web.CompletesDespiteDisconnect.class)
            .because("a client that hangs up mid-transaction must not leave a transaction open and a connection "
                    + "out of the pool (DisconnectShield)");

    private static final ArchRule nothingBlocksOnAUni = noClasses().should().callMethod(Uni.class, "await")
            .because("a request path runs on the event loop and must never block");

    @Test
    void resourcesFinishTheirWorkAfterADisconnect() {
        resourcesFinishTheirWorkAfterADisconnect.check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        commonDependsOnNoFeature.check(MAIN);
    }

    @Test
    void featuresDoNotUseOtherFeaturesApi() {
        featuresDoNotUseOtherFeaturesApi.check(MAIN);
    }

    @Test
    void resourcesDoNotTouchRepositories() {
        resourcesDoNotTouchRepositories.check(MAIN);
    }

    @Test
    void entitiesAreNotApiTypes() {
        entitiesAreNotApiTypes.check(MAIN);
    }

    @Test
    void nothingBlocksOnAUni() {
        nothingBlocksOnAUni.check(MAIN);
    }

    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE)) {
            return null;
        }
        String rest = name.substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
