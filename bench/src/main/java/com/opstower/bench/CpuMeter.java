package com.opstower.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CPU the server process used over one run, and how much of the machine's CPU time the
 * hypervisor took away meanwhile (steal), from {@code /proc/<pid>/stat} and {@code /proc/stat}.
 *
 * <p>On 2 cores the server, wrk and the upstream share the CPU, so throughput says little about
 * what one build costs per call; CPU time per call says it directly, and a steal share above zero
 * says the hypervisor slowed the run. Linux only; {@link #start} returns {@code null} where {@code
 * /proc} cannot be read and the report then shows "—".
 */
final class CpuMeter {

  /** Linux's USER_HZ: the unit of both files' counters, 100 on every mainstream kernel. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final long pid;

  CpuMeter(long pid) {
    this.pid = pid;
  }

  /** The counters at one moment; {@code jitTicks} is what the JIT's compiler threads used. */
  record Snapshot(long processTicks, long jitTicks, long machineTicks, long stealTicks) {}

  /**
   * What happened between two snapshots. {@code jitShare} is the JIT compiler threads' part of the
   * process's CPU time: a run that starts after a change of load recompiles the hot path (seen with
   * JFR: a second of C2 time per second in the first 20 s of a 1,000-connection run that followed
   * 32 fast ones), and this says how much of a run's CPU went there. A compiler thread that ends
   * between the snapshots takes its time with it, so the share can only be too low.
   */
  record Usage(double processCpuSeconds, double jitShare, double stealShare) {

    /** Milliseconds of server CPU per request; {@code requests} must be positive. */
    double msPerRequest(long requests) {
      return 1000 * processCpuSeconds / requests;
    }

    static String perRequest(Usage usage, long requests) {
      return usage == null || requests <= 0
          ? "—"
          : String.format(Locale.ROOT, "%.2f", usage.msPerRequest(requests));
    }

    static String jit(Usage usage) {
      return usage == null ? "—" : percent(usage.jitShare);
    }

    static String steal(Usage usage) {
      return usage == null ? "—" : percent(usage.stealShare);
    }

    private static String percent(double share) {
      return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
  }

  Snapshot start() {
    try {
      return read();
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  Usage since(Snapshot start) {
    if (start == null) {
      return null;
    }
    try {
      Snapshot end = read();
      long machine = end.machineTicks() - start.machineTicks();
      long process = end.processTicks() - start.processTicks();
      long jit = Math.max(0, end.jitTicks() - start.jitTicks());
      return new Usage(
          process / TICKS_PER_SECOND,
          process <= 0 ? 0 : Math.min(1, (double) jit / process),
          machine <= 0 ? 0 : (double) (end.stealTicks() - start.stealTicks()) / machine);
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  private Snapshot read() throws IOException {
    long process = cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    long jit = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
          continue; // the thread ended meanwhile
        }
        // the kernel cuts thread names to 15 characters: "C2 CompilerThread0" is "C2 CompilerThre"
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          jit += cpuTicks(stat);
        }
      }
    }
    // /proc/stat's first line: "cpu user nice system idle iowait irq softirq steal ..."
    String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long machine = 0;
    for (int i = 1; i <= 8 && i < cpu.length; i++) {
      machine += Long.parseLong(cpu[i]);
    }
    long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
    return new Snapshot(process, jit, machine, steal);
  }

  /** utime + stime of a {@code stat} line of a process or thread. */
  private static long cpuTicks(String stat) {
    // "pid (comm) state ..." — comm may hold spaces, so count from the last ')'; utime and stime
    // are fields 14 and 15 of the whole line
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    return Long.parseLong(after[11]) + Long.parseLong(after[12]);
  }
}
