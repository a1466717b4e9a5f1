package app.spotter;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No package cycles among {@code app.spotter.*} (issue 15): dependencies run down the package
 * map in CONTRIBUTING.md, never back up.
 */
class ArchitectureTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("app.spotter");
  }

  @Test
  void noCyclesBetweenFeaturePackages() {
    slices().matching("app.spotter.(*)..").should().beFreeOfCycles().check(main);
  }

  /** Every package its own slice: also {@code live.socket} against {@code live.command}, {@code infra} against {@code infra.db}. */
  @Test
  void noCyclesBetweenAnyPackages() {
    slices().matching("app.spotter.(**)").should().beFreeOfCycles().check(main);
  }
}
