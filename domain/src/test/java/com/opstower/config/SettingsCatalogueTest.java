package com.opstower.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.config.Settings.Setting;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@link Settings#CATALOGUE} is the one place of every key and default: the README's configuration
 * table lists exactly it, every {@code @ConfigProperty} of the domain reads a catalogue key with
 * the catalogue's default, and the WAR's configuration file sets no default of its own.
 */
class SettingsCatalogueTest {

  private static final Path README = Path.of("../README.md");
  private static final Path WAR_CONFIG =
      Path.of("../app/src/main/resources/META-INF/microprofile-config.properties");

  @Test
  void theReadmeTableListsTheCatalogueKeysEnvironmentFormsAndDefaults() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Setting setting : Settings.CATALOGUE) {
      expected.add(
          setting.key()
              + " | "
              + setting.environmentForm()
              + " | "
              + setting.defaultValue().orElse("—"));
    }
    assertEquals(String.join("\n", expected), String.join("\n", readmeRows()));
  }

  @Test
  void everyConfigPropertyReadsACatalogueKeyWithTheCatalogueDefault() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.opstower");
    Set<String> read = new TreeSet<>();
    int seen = 0;
    for (JavaField field : classes.stream().flatMap(c -> c.getFields().stream()).toList()) {
      Optional<ConfigProperty> property = field.tryGetAnnotationOfType(ConfigProperty.class);
      if (property.isEmpty()) {
        continue;
      }
      seen++;
      String where = field.getFullName();
      String key = property.get().name();
      Optional<Setting> setting = Settings.find(key);
      assertTrue(setting.isPresent(), where + " reads " + key + ", which is not in the catalogue");
      String given = property.get().defaultValue();
      Optional<String> annotated =
          ConfigProperty.UNCONFIGURED_VALUE.equals(given) ? Optional.empty() : Optional.of(given);
      assertEquals(setting.get().defaultValue(), annotated, where + ": default of " + key);
      read.add(key);
    }
    assertTrue(seen >= 10, "found only " + seen + " @ConfigProperty fields");
    assertTrue(read.contains(Settings.EXECUTOR_TIMEOUT), read.toString());
  }

  @Test
  void theWarsConfigurationFileSetsNoDefaultOfItsOwn() throws IOException {
    assertTrue(Files.exists(WAR_CONFIG), WAR_CONFIG.toAbsolutePath().toString());
    for (String line : Files.readAllLines(WAR_CONFIG)) {
      assertFalse(line.strip().startsWith("opstower."), "a second default: " + line);
    }
  }

  @Test
  void environmentFormsFollowMicroProfileConfig() {
    assertEquals("OPSTOWER_DATA_DIR", Settings.environmentForm("opstower.data-dir"));
    assertEquals(
        "OPSTOWER_LIMITS_CALLS_PER_MINUTE_PER_TOKEN",
        Settings.environmentForm(Settings.LIMITS_PER_MINUTE));
  }

  /** {@code key | environment | default} of each row of the README's configuration table. */
  private static List<String> readmeRows() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Configuration");
    assertTrue(start >= 0, "the README has a Configuration section");
    int end = readme.indexOf("\n## ", start + 1);
    List<String> rows = new ArrayList<>();
    for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
      if (line.startsWith("| `opstower.")) {
        String[] cells = line.split("\\|");
        rows.add(cell(cells[1]) + " | " + cell(cells[2]) + " | " + cell(cells[3]));
      }
    }
    return rows;
  }

  private static String cell(String text) {
    return text.strip().replace("`", "");
  }
}
