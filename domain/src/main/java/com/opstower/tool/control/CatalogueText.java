package com.opstower.tool.control;

import com.opstower.connection.entity.ApiOperation;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsKind;
import com.opstower.connection.entity.DocsSummary;
import java.util.List;

/**
 * The catalogue part of a tool description (docs/api.md "OpenAPI-aware documentation"): one line
 * per operation the connection's policy allows, {@code METHOD /path — summary}, at most {@code
 * opstower.docs.catalogue-chars} characters in all, ending with {@code … and N more operations}
 * when cut.
 */
final class CatalogueText {

  static final String HEADING =
      "\nOperations (from the API's OpenAPI document; paths relative to the base URL):";

  private CatalogueText() {}

  /** Empty when the connection has no catalogue, none of it is allowed, or the budget is 0. */
  static String of(Connection connection, int budget) {
    DocsSummary docs = connection.docs().orElse(null);
    if (docs == null || docs.kind() != DocsKind.OPENAPI || budget <= 0) {
      return "";
    }
    CallPolicy policy = connection.policy();
    List<ApiOperation> allowed =
        docs.operations().stream()
            .filter(
                op -> policy.allowsMethod(op.method()) && policy.allowsPath(op.policySegments()))
            .toList();
    if (allowed.isEmpty()) {
      return "";
    }
    // operations past the stored ones were counted but not kept; with a policy, not all may count
    int unknown =
        policy.allowsEveryMethod() && policy.allowsAnyPath()
            ? Math.max(0, docs.operationCount().orElse(0) - docs.operations().size())
            : 0;
    StringBuilder text = new StringBuilder(HEADING);
    int total = allowed.size() + unknown;
    for (int i = 0; i < allowed.size(); i++) {
      String line = "\n" + allowed.get(i).line();
      int rest = total - i - 1;
      int reserve = rest > 0 ? more(rest).length() : 0;
      if (text.length() + line.length() + reserve > budget) {
        String ending = more(total - i);
        return text.length() + ending.length() <= budget ? text + ending : "";
      }
      text.append(line);
    }
    if (unknown > 0) {
      String ending = more(unknown);
      return text.length() + ending.length() <= budget ? text + ending : text.toString();
    }
    return text.toString();
  }

  private static String more(int count) {
    return "\n… and " + count + (count == 1 ? " more operation" : " more operations");
  }
}
