package com.opstower.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts Payara Micro with the WAR: the JVM, its {@code -D} settings and the
 * Payara Micro options of {@code app/src/main/payara/launch.options}, the file {@code run.sh} and
 * the bench read too.
 */
public final class PayaraLaunch {

  private PayaraLaunch() {}

  /** The folder of {@code launch.options} and {@code preboot.asadmin}. */
  static Path payaraFolder() {
    return Path.of(System.getProperty("opstower.payara.dir", "../app/src/main/payara"))
        .toAbsolutePath()
        .normalize();
  }

  static Path microJar() {
    return Path.of(System.getProperty("opstower.micro.jar", "../app/target/payara-micro.jar"));
  }

  /** The Payara Micro options every launch shares, {@code {payara}} resolved. */
  static List<String> sharedOptions() {
    Path folder = payaraFolder();
    try {
      return Files.readAllLines(folder.resolve("launch.options")).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.replace("{payara}", folder.toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read launch.options in " + folder, e);
    }
  }

  /** {@code java <jvm options> -D<settings> -jar payara-micro.jar <shared> --deploy war --port}. */
  static List<String> command(
      List<String> jvmOptions, Map<String, String> settings, Path war, int port) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(microJar().toString());
    command.addAll(sharedOptions());
    command.add("--deploy");
    command.add(war.toString());
    command.add("--port");
    command.add(String.valueOf(port));
    return command;
  }
}
