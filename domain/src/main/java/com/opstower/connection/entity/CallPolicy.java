package com.opstower.connection.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an agent may do through a connection (docs/api.md "Per-connection policy"): the HTTP methods
 * it may use and, optionally, the paths it may call. The default allows every method on every path
 * under the base URL. Checked before anything is sent; the tool definition follows it.
 */
public final class CallPolicy {

  /** Every method an agent may use at all, in the order they are always listed. */
  public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  public static final int MAX_PATHS = 50;

  /** Room for {@link #MAX_PATHS} patterns of {@link PathPattern#MAX_LENGTH} and line breaks. */
  public static final int PATHS_COLUMN_MAX = MAX_PATHS * (PathPattern.MAX_LENGTH + 1);

  private static final CallPolicy ANY = new CallPolicy(METHODS, List.of());

  private final List<String> methods;
  private final List<PathPattern> paths;

  private CallPolicy(List<String> methods, List<PathPattern> paths) {
    this.methods = methods;
    this.paths = paths;
  }

  /** Every method, every path. */
  public static CallPolicy any() {
    return ANY;
  }

  /**
   * @param methods null for every method; otherwise a non-empty subset of {@link #METHODS}, upper
   *     case (listed in any order, duplicates allowed)
   * @param paths null or empty for any path; otherwise {@link PathPattern}s
   * @throws IllegalArgumentException with a message that says what to change; {@link
   *     #methodsProblem} and {@link #pathsProblem} tell which half
   */
  public static CallPolicy of(Collection<String> methods, Collection<String> paths) {
    String methodProblem = methodsProblem(methods);
    if (methodProblem != null) {
      throw new IllegalArgumentException(methodProblem);
    }
    String pathProblem = pathsProblem(paths);
    if (pathProblem != null) {
      throw new IllegalArgumentException(pathProblem);
    }
    List<String> allowed =
        methods == null ? METHODS : METHODS.stream().filter(methods::contains).toList();
    List<PathPattern> patterns = new ArrayList<>();
    if (paths != null) {
      for (String path : new LinkedHashSet<>(paths)) {
        patterns.add(PathPattern.parse(path));
      }
    }
    return new CallPolicy(allowed, List.copyOf(patterns));
  }

  /** What is wrong with {@code methods}; null when they are fine. */
  public static String methodsProblem(Collection<String> methods) {
    if (methods == null) {
      return null;
    }
    if (methods.isEmpty()) {
      return "Allow at least one method (GET alone makes the connection read-only).";
    }
    for (String method : methods) {
      if (method == null || !METHODS.contains(method)) {
        return "Choose methods among "
            + String.join(", ", METHODS)
            + " (upper case); "
            + (method == null ? "null" : "\"" + shortened(method) + "\"")
            + " is not one of them.";
      }
    }
    return null;
  }

  /** What is wrong with {@code paths}; null when they are fine. */
  public static String pathsProblem(Collection<String> paths) {
    if (paths == null) {
      return null;
    }
    if (paths.size() > MAX_PATHS) {
      return "Use at most " + MAX_PATHS + " path patterns.";
    }
    for (String path : paths) {
      try {
        PathPattern.parse(path);
      } catch (IllegalArgumentException invalid) {
        return invalid.getMessage();
      }
    }
    return null;
  }

  /** As stored: the methods in their column, the patterns one per line (null when any path). */
  public static CallPolicy fromColumns(String methodsColumn, String pathsColumn) {
    List<String> methods =
        methodsColumn == null || methodsColumn.isBlank() ? null : List.of(methodsColumn.split(","));
    List<String> paths =
        pathsColumn == null || pathsColumn.isBlank() ? null : List.of(pathsColumn.split("\n"));
    return of(methods, paths);
  }

  String methodsColumn() {
    return String.join(",", methods);
  }

  String pathsColumn() {
    return paths.isEmpty()
        ? null
        : paths.stream().map(PathPattern::text).collect(Collectors.joining("\n"));
  }

  /** The allowed methods, in the order of {@link #METHODS}. */
  public List<String> methods() {
    return methods;
  }

  /** The allowed path patterns as written; empty when every path is allowed. */
  public List<String> paths() {
    return paths.stream().map(PathPattern::text).toList();
  }

  public boolean allowsMethod(String method) {
    return methods.contains(method);
  }

  /** Whether the path, as decoded segments (none for the base path itself), is allowed. */
  public boolean allowsPath(List<String> segments) {
    return paths.isEmpty() || paths.stream().anyMatch(pattern -> pattern.matches(segments));
  }

  public boolean allowsAnyPath() {
    return paths.isEmpty();
  }

  /** GET alone: the UI's Read-only switch, the tool's {@code readOnlyHint}. */
  public boolean isReadOnly() {
    return methods.equals(List.of("GET"));
  }

  public boolean allowsEveryMethod() {
    return methods.equals(METHODS);
  }

  public Set<String> methodSet() {
    return Set.copyOf(methods);
  }

  private static String shortened(String text) {
    String visible = text.replaceAll("\\p{Cntrl}", "?");
    return visible.length() > 20 ? visible.substring(0, 20) + "…" : visible;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallPolicy that
        && methods.equals(that.methods)
        && paths.equals(that.paths);
  }

  @Override
  public int hashCode() {
    return 31 * methods.hashCode() + paths.hashCode();
  }

  @Override
  public String toString() {
    return "CallPolicy[methods=" + methods + ", paths=" + paths() + "]";
  }
}
