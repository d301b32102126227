package com.opstower.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code wrk} (closed loop, keep-alive, {@code --latency}) and reads its summary. The
 * request's headers go into a Lua script readable by this user only and deleted after the run, so a
 * token never appears on a command line.
 */
final class Wrk {

  /**
   * One wrk run: throughput, percentiles in ms, requests that were not 2xx or failed, and which
   * kind they were (e.g. "non-2xx 1", "timeout 3"; empty without errors).
   */
  record Result(
      int connections,
      double requestsPerSecond,
      double p50Ms,
      double p99Ms,
      long requests,
      long errors,
      String errorKinds) {

    /** The errors as the reports show them: "0", or "2 (non-2xx 1, read 1)". */
    String errorsShown() {
      return errors == 0 ? "0" : errors + " (" + errorKinds + ")";
    }
  }

  private static final String[] SOCKET_ERRORS = {"connect", "read", "write", "timeout"};

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private final Path scriptDir;

  Wrk(Path scriptDir) {
    this.scriptDir = scriptDir;
  }

  Result get(String url, Map<String, String> headers, int connections, int seconds)
      throws IOException, InterruptedException {
    return run("GET", url, headers, null, connections, seconds);
  }

  Result post(String url, Map<String, String> headers, String json, int connections, int seconds)
      throws IOException, InterruptedException {
    return run("POST", url, headers, json, connections, seconds);
  }

  private Result run(
      String method,
      String url,
      Map<String, String> headers,
      String body,
      int connections,
      int seconds)
      throws IOException, InterruptedException {
    Files.createDirectories(scriptDir);
    Path script = Files.createTempFile(scriptDir, "wrk", ".lua");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-------"));
    StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
    headers.forEach(
        (name, value) ->
            lua.append("wrk.headers[ " + longString(name) + " ] = " + longString(value) + "\n"));
    if (body != null) {
      lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
      lua.append("wrk.body = " + longString(body) + "\n");
    }
    Files.writeString(script, lua, StandardCharsets.UTF_8);
    try {
      int threads = Math.min(2, connections);
      List<String> command =
          new ArrayList<>(
              List.of(
                  "wrk",
                  "-t" + threads,
                  "-c" + connections,
                  "-d" + seconds + "s",
                  "--timeout",
                  "10s",
                  "--latency",
                  "-s",
                  script.toString(),
                  url));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        // the output could quote the script, and with it a token: say only that it failed
        throw new IOException("wrk exited with " + process.exitValue() + " for " + url);
      }
      return parse(connections, output);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /**
   * A Lua long string: nothing inside needs escaping as long as it has no {@code ]==]}. As a table
   * index it needs spaces around it: {@code t[[==[…]==]]} would read as {@code t [[…]]}, a call.
   */
  private static String longString(String text) {
    if (text.contains("]==]") || text.contains("\n")) {
      throw new IllegalArgumentException("text unfit for a Lua long string");
    }
    return "[==[" + text + "]==]";
  }

  static Result parse(int connections, String output) {
    long errors = 0;
    List<String> kinds = new ArrayList<>();
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find()) {
      errors += count(kinds, "non-2xx", non2xx.group(1));
    }
    Matcher socket = SOCKET.matcher(output);
    if (socket.find()) {
      for (int group = 1; group <= 4; group++) {
        errors += count(kinds, SOCKET_ERRORS[group - 1], socket.group(group));
      }
    }
    return new Result(
        connections,
        number(RPS, output),
        percentile(output, "50%"),
        percentile(output, "99%"),
        (long) number(TOTAL, output),
        errors,
        String.join(", ", kinds));
  }

  private static long count(List<String> kinds, String kind, String number) {
    long n = Long.parseLong(number);
    if (n > 0) {
      kinds.add(kind + " " + n);
    }
    return n;
  }

  private static double number(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk output without " + pattern + ":\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }

  /** A line of the latency distribution, e.g. {@code 99% 251.03ms}, in milliseconds. */
  private static double percentile(String output, String which) {
    Matcher matcher =
        Pattern.compile(
                "^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
            .matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk output without the " + which + " latency:\n" + output);
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      default -> value * 60_000;
    };
  }
}
