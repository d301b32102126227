package com.opstower;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The web module's structure, checked on its production classes together with the domain's: the
 * domain never depends on the web layers, the JSON API ({@code api} and the {@code boundary}
 * packages of its resources) and the HTML UI ({@code ui}) are separate, their packages form no
 * cycle, and no package grows past 25 classes. The domain's own rules are in the domain's {@code
 * ArchitectureTest}.
 */
class WebArchitectureTest {

  private static final int MAX_CLASSES = 25;

  private static final String[] API = {"com.opstower.api..", "..boundary.."};

  private static final String UI = "com.opstower.ui..";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.opstower");

  @Test
  void webAndDomainClassesAreImported() {
    assertFalse(CLASSES.that(resideInAPackage(UI)).isEmpty());
    assertFalse(CLASSES.that(resideInAPackage("com.opstower.execution.control..")).isEmpty());
  }

  @Test
  void theDomainDoesNotDependOnTheWebLayers() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.opstower.api..", "..boundary..", UI)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.opstower.api..", "..boundary..", UI)
        .check(CLASSES);
  }

  @Test
  void theUiAndTheJsonApiAreSeparate() {
    noClasses()
        .that()
        .resideInAPackage(UI)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(API)
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage(API)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(UI)
        .check(CLASSES);
  }

  @Test
  void theUiPackagesAreFreeOfCycles() {
    slices().matching("com.opstower.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theResourcePackagesAreFreeOfCycles() {
    slices().matching("com.opstower.(*).boundary..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void noPackageHoldsMoreThan25Classes() {
    Map<String, Long> counts =
        CLASSES.stream()
            .filter(JavaClass::isTopLevelClass)
            .filter(javaClass -> !javaClass.getSimpleName().equals("package-info"))
            .collect(
                Collectors.groupingBy(
                    JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
    counts.values().removeIf(count -> count <= MAX_CLASSES);
    assertEquals(Map.of(), counts);
  }
}
