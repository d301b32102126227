package com.opstower;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md names, for each guarantee, the tests that prove it as {@code `ClassTest`
 * (`method`, …)}: every class and method named there exists in the project's test sources, so a
 * renamed or moved test cannot leave the document pointing at nothing.
 */
class SecurityDocumentTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern CITATION =
      Pattern.compile("`(\\w+(?:Test|IT))`\\s*\\(([^)]*)\\)", Pattern.DOTALL);
  private static final Pattern METHOD = Pattern.compile("`(\\w+)`");
  private static final Pattern DECLARED = Pattern.compile("\\bvoid (\\w+)\\(");

  @Test
  void everyCitedTestExists() throws IOException {
    Map<String, Set<String>> methodsByClass = testMethodsByClass();
    String document = Files.readString(ROOT.resolve("docs/security.md"));
    Matcher citation = CITATION.matcher(document);
    List<String> missing = new ArrayList<>();
    int cited = 0;
    while (citation.find()) {
      String type = citation.group(1);
      Set<String> methods = methodsByClass.get(type);
      if (methods == null) {
        missing.add("class " + type);
        continue;
      }
      Matcher method = METHOD.matcher(citation.group(2));
      while (method.find()) {
        cited++;
        if (!methods.contains(method.group(1))) {
          missing.add(type + "." + method.group(1));
        }
      }
    }
    assertTrue(cited > 50, "only " + cited + " cited test methods found");
    assertTrue(missing.isEmpty(), "docs/security.md cites tests that do not exist: " + missing);
  }

  private static Map<String, Set<String>> testMethodsByClass() throws IOException {
    Map<String, Set<String>> methods = new HashMap<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      sources =
          walk.filter(path -> path.toString().contains("/src/test/java/"))
              .filter(path -> path.toString().endsWith(".java"))
              .filter(path -> !path.toString().contains("/target/"))
              .toList();
    }
    for (Path source : sources) {
      String name = source.getFileName().toString().replace(".java", "");
      Set<String> declared = methods.computeIfAbsent(name, key -> new HashSet<>());
      Matcher method = DECLARED.matcher(Files.readString(source));
      while (method.find()) {
        declared.add(method.group(1));
      }
    }
    return methods;
  }
}
