package com.opstower;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The domain's structure: feature packages ({@code com.opstower.X}, subpackages included) form no
 * cycle, the domain knows nothing of the web module, no package grows past {@value #MAX_CLASSES}
 * classes, and the HTTP grammar is a leaf. Only production classes are checked.
 */
class ArchitectureTest {

  static final int MAX_CLASSES = 25;

  private static final String[] WEB_PACKAGES = {
    "com.opstower.ui..", "com.opstower.api..", "..boundary.."
  };

  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.opstower");

  @Test
  void theDomainIsImported() {
    assertFalse(DOMAIN.isEmpty());
    assertFalse(DOMAIN.that(resideInAPackage("com.opstower.execution..")).isEmpty());
  }

  @Test
  void featurePackagesAreFreeOfCycles() {
    slices().matching("com.opstower.(*)..").should().beFreeOfCycles().check(DOMAIN);
  }

  /** Credential, request, response, upstream client, then the runtime on top. */
  @Test
  void theExecutorsPackagesAreFreeOfCycles() {
    slices().matching("com.opstower.execution.(*)..").should().beFreeOfCycles().check(DOMAIN);
  }

  @Test
  void theDomainDoesNotDependOnTheWebModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEB_PACKAGES)
        .because("web depends on the domain, never the reverse")
        .check(DOMAIN);
    noClasses()
        .should()
        .resideInAnyPackage(WEB_PACKAGES)
        .because("boundaries, the API and the UI belong to the web module")
        .check(DOMAIN);
  }

  @Test
  void theDomainHasNoJaxRsResourcesOrProviders() {
    noClasses()
        .should()
        .beAnnotatedWith(Path.class)
        .orShould()
        .beAnnotatedWith(ApplicationPath.class)
        .orShould()
        .beAnnotatedWith(Provider.class)
        .orShould()
        .beAssignableTo(Application.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs.container..", "jakarta.mvc..")
        .because("the domain uses JAX-RS only as the client of upstream APIs")
        .check(DOMAIN);
    noMethods().should().beAnnotatedWith(Path.class).check(DOMAIN);
  }

  @Test
  void theHttpGrammarDependsOnNoOtherOpsTowerPackage() {
    noClasses()
        .that()
        .resideInAPackage("com.opstower.http..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("com.opstower..").and(not(resideInAPackage("com.opstower.http.."))))
        .check(DOMAIN);
  }

  @Test
  void noPackageHoldsMoreThan25Classes() {
    assertEquals(Map.of(), oversizedPackages(DOMAIN, MAX_CLASSES));
  }

  /**
   * Packages with more than {@code max} top-level classes (nested, local and anonymous classes and
   * {@code package-info} do not count), with their counts.
   */
  static Map<String, Long> oversizedPackages(JavaClasses classes, int max) {
    Map<String, Long> counts =
        classes.stream()
            .filter(JavaClass::isTopLevelClass)
            .filter(javaClass -> !javaClass.getSimpleName().equals("package-info"))
            .collect(
                Collectors.groupingBy(
                    JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
    counts.values().removeIf(count -> count <= max);
    return counts;
  }
}
