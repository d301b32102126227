package com.opstower.bench;

import com.opstower.execution.credential.SecretRedactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The cost of redacting one response window (docs/security.md §9: linear in the window whatever the
 * secret's length), in process. Each case is timed against a baseline measured in the same run on
 * the same text: one {@link String#toLowerCase} pass, a plain linear scan of the window.
 *
 * <ul>
 *   <li>a 40-char token in 64 KiB of ordinary JSON;
 *   <li>a 4 KiB secret in 64 KiB made of its first 4,000 chars repeated (every position looks like
 *       the start of a match: the case that made the old matcher quadratic), with two real
 *       occurrences.
 * </ul>
 */
public final class RedactionBench {

  private static final int WINDOW = 64 * 1024;
  private static final int WARM_UP = 200;
  private static final int ROUNDS = 300;

  private RedactionBench() {}

  public static void main(String[] args) throws IOException {
    Random random = new Random(42);
    String token = randomText(random, 40);
    String longSecret = randomText(random, 4096);
    String json = ordinaryJson(random, token);
    String adversarial = repeatedPrefix(longSecret);

    StringBuilder report = new StringBuilder();
    report
        .append("| case | window | redact median µs | baseline median µs | redact / baseline |\n")
        .append("|---|---:|---:|---:|---:|\n");
    double shortMicros = measure(report, "40-char token, ordinary JSON", token, json);
    double longMicros =
        measure(report, "4 KiB secret, its prefix repeated", longSecret, adversarial);
    report.append(
        String.format(
            Locale.ROOT,
            "%nTime for the 4 KiB secret relative to the 40-char token, windows of about the same"
                + " size: %.2f× (linear in the window: about 1, whatever the secret's length)%n",
            longMicros / shortMicros));
    System.out.print(report);
    Path out = Path.of(System.getProperty("bench.redaction-results", "bench/target/redaction.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
  }

  /** Returns the median redaction time in µs, after printing the case's row. */
  private static double measure(StringBuilder report, String name, String secret, String text) {
    SecretRedactor redactor = new SecretRedactor(List.of(secret));
    String redacted = redactor.redact(text);
    if (redacted.contains(secret)) {
      throw new IllegalStateException(name + ": the secret was not redacted");
    }
    long[] redact = new long[ROUNDS];
    long[] baseline = new long[ROUNDS];
    int sink = 0;
    for (int i = 0; i < WARM_UP + ROUNDS; i++) {
      long start = System.nanoTime();
      sink += redactor.redact(text).length();
      long middle = System.nanoTime();
      sink += text.toLowerCase(Locale.ROOT).length();
      long end = System.nanoTime();
      if (i >= WARM_UP) {
        redact[i - WARM_UP] = middle - start;
        baseline[i - WARM_UP] = end - middle;
      }
    }
    double redactMicros = median(redact) / 1000.0;
    double baselineMicros = median(baseline) / 1000.0;
    report.append(
        String.format(
            Locale.ROOT,
            "| %s | %d KiB | %.0f | %.0f | %.1f× |%n",
            name,
            text.length() / 1024,
            redactMicros,
            baselineMicros,
            redactMicros / baselineMicros));
    if (sink == 42) {
      System.out.println(); // keeps the JIT from dropping the work
    }
    return redactMicros;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String randomText(Random random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String ordinaryJson(Random random, String token) {
    StringBuilder json = new StringBuilder("{\"items\":[");
    while (json.length() < WINDOW - 200) {
      json.append("{\"id\":")
          .append(random.nextInt(1_000_000))
          .append(",\"name\":\"")
          .append(randomText(random, 24))
          .append("\",\"tags\":[\"a\",\"b\"]},");
    }
    return json.append("{\"echo\":\"").append(token).append("\"}]}").toString();
  }

  private static String repeatedPrefix(String secret) {
    String prefix = secret.substring(0, 4000);
    StringBuilder text = new StringBuilder(secret);
    while (text.length() < WINDOW - secret.length()) {
      text.append(prefix);
    }
    return text.append(secret).toString();
  }
}
