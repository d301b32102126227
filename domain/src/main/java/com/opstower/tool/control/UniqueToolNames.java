package com.opstower.tool.control;

import com.opstower.connection.entity.ToolName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives each tool name of a list (a preview of several connections) a distinct function name. The
 * first holder of a name keeps it and later duplicates get {@code _2}, {@code _3}…; every plain
 * name is reserved up front, so a connection literally labelled "billing 2" keeps {@code billing_2}
 * even when two "billing" connections precede it, and adding a duplicate never renames the
 * connections an agent already knows.
 */
final class UniqueToolNames {

  private UniqueToolNames() {}

  static List<String> assign(List<String> namesOrLabels) {
    // ToolName.from leaves a tool name as it is, and makes one of a display name
    List<String> bases = namesOrLabels.stream().map(ToolName::from).toList();
    Set<String> reserved = new HashSet<>(bases);
    Set<String> given = new HashSet<>();
    List<String> names = new ArrayList<>(bases.size());
    for (String base : bases) {
      String name = base;
      if (given.contains(name)) {
        int n = 2;
        do {
          name = ToolName.withSuffix(base, n++);
        } while (given.contains(name) || reserved.contains(name));
      }
      given.add(name);
      names.add(name);
    }
    return names;
  }
}
