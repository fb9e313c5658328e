package io.shopsense.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The structure of the framework-free core, as a test: it knows neither Spring, nor JDBC, nor Spark, nor any store
 * technology, and no feature reaches into another feature's {@code internal} package.
 */
class ArchitectureTest {
  static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.shopsense.core", "io.shopsense.api");

  @Test
  void coreAndApiDoNotUseSpring() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .because("the core is framework-free; Spring lives in shopsense-server").check(CORE);
  }

  @Test
  void coreAndApiDoNotUseJdbc() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .because("persistence is behind the store ports; JDBC lives in shopsense-store-jdbc").check(CORE);
  }

  @Test
  void coreAndApiDoNotUseSparkOrStoreTechnologies() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..", "org.duckdb..",
        "org.h2..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..")
        .because("engines and stores are swappable modules above the core").check(CORE);
  }

  @Test
  void theApiUsesOnlyTheJdk() {
    noClasses().that().resideInAPackage("io.shopsense.api..").should().dependOnClassesThat()
        .resideOutsideOfPackages("io.shopsense.api..", "java..")
        .because("shopsense-api is records, ids and ports in plain Java").check(CORE);
  }

  @Test
  void noFeatureReachesIntoAnotherFeaturesInternals() {
    noClasses().should(reachIntoAnotherFeaturesInternals()).check(CORE);
  }

  private static ArchCondition<JavaClass> reachIntoAnotherFeaturesInternals() {
    return new ArchCondition<>("reach into another feature's internal package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = feature(origin.getPackageName());
        origin.getDirectDependenciesFromSelf().forEach(d -> {
          String target = d.getTargetClass().getPackageName();
          if (target.startsWith("io.shopsense.core.") && target.contains(".internal")
              && !feature(target).equals(from)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        });
      }
    };
  }

  /** The feature of a core package: the segment after {@code io.shopsense.core}. */
  static String feature(String pkg) {
    String rest = pkg.startsWith("io.shopsense.core.") ? pkg.substring("io.shopsense.core.".length()) : pkg;
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
