package com.opstower.execution.credential;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Aho–Corasick automaton over the UTF-16 units of many patterns: one pass over a view reports,
 * at every position, the widest match of the patterns ending there (every pattern ending there is a
 * suffix of the node's string, so each node knows in advance how far back its widest one reaches).
 *
 * <p>The work is linear in the view's length whatever the view holds (the failure links are
 * followed at most once per unit read, amortised) and building is linear in the patterns' total
 * length, apart from sorting them. A 4 KB secret makes tens of thousands of nodes, most with one
 * child, so each node's children are a sorted slice of two shared arrays rather than a table.
 *
 * <p>Symbols are canonical: {@code +} and space are one symbol (form encoding writes a space as
 * {@code +}, so a match may be a little wider than the secret, never narrower) and, when {@code
 * ignoreAsciiCase}, ASCII letters are folded (hex is written in either case).
 */
final class PatternAutomaton {

  /** Receives each match as a range of the original text. */
  interface MatchSink {
    void match(int start, int end);
  }

  /**
   * A pattern, and how many units before and after it also carry part of the secret and are cut out
   * with it: a Base64 or UTF-16 char at the edge that mixes the secret's bits with a neighbour's.
   */
  record Pattern(String text, int before, int after) {
    static Pattern of(String text) {
      return new Pattern(text, 0, 0);
    }

    Pattern widest(Pattern other) {
      return new Pattern(text, Math.max(before, other.before), Math.max(after, other.after));
    }
  }

  private static final int ROOT = 0;
  private static final int NONE = -1;

  private final boolean ignoreAsciiCase;
  private final int patternCount;

  /** Node {@code v}'s children: symbols and targets {@code [firstChild[v], firstChild[v + 1])}. */
  private final int[] firstChild;

  private final char[] childSymbol;
  private final int[] childNode;

  /** The root is where most units land; its ASCII children are looked up directly. */
  private final int[] rootAscii = new int[128];

  private final int[] failure;

  /**
   * How many units, counted back from the last, the widest match ending at this node covers (the
   * pattern and its {@code before}); 0 when no pattern is a suffix of the node's string.
   */
  private final int[] reachBack;

  /** How many units after the last the matches ending at this node take along. */
  private final int[] reachAhead;

  private PatternAutomaton(Pattern[] sorted, boolean ignoreAsciiCase) {
    this.ignoreAsciiCase = ignoreAsciiCase;
    this.patternCount = sorted.length;
    int capacity = 1;
    for (Pattern pattern : sorted) {
      capacity += pattern.text().length();
    }
    int[] parent = new int[capacity];
    char[] symbol = new char[capacity];
    Pattern[] ending = new Pattern[capacity];
    int nodes = buildTrie(sorted, parent, symbol, ending);

    // Sorted insertion created each node's children in increasing symbol order: bucketing them by
    // parent in creation order gives sorted slices.
    firstChild = new int[nodes + 1];
    for (int v = 1; v < nodes; v++) {
      firstChild[parent[v] + 1]++;
    }
    for (int v = 0; v < nodes; v++) {
      firstChild[v + 1] += firstChild[v];
    }
    childSymbol = new char[Math.max(0, nodes - 1)];
    childNode = new int[Math.max(0, nodes - 1)];
    int[] filled = new int[nodes];
    for (int v = 1; v < nodes; v++) {
      int slot = firstChild[parent[v]] + filled[parent[v]]++;
      childSymbol[slot] = symbol[v];
      childNode[slot] = v;
    }
    Arrays.fill(rootAscii, NONE);
    for (int slot = firstChild[ROOT]; slot < firstChild[ROOT + 1]; slot++) {
      if (childSymbol[slot] < 128) {
        rootAscii[childSymbol[slot]] = childNode[slot];
      }
    }
    failure = new int[nodes];
    reachBack = new int[nodes];
    reachAhead = new int[nodes];
    linkFailures(nodes, ending);
  }

  /**
   * An automaton over the non-empty {@code patterns}, canonicalised; patterns that become equal are
   * one, taking the widest edges.
   */
  static PatternAutomaton of(Collection<Pattern> patterns, boolean ignoreAsciiCase) {
    Map<String, Pattern> byText = new TreeMap<>();
    for (Pattern pattern : patterns) {
      if (!pattern.text().isEmpty()) {
        String text = canonical(pattern.text(), ignoreAsciiCase);
        Pattern canonical = new Pattern(text, pattern.before(), pattern.after());
        byText.merge(text, canonical, Pattern::widest);
      }
    }
    return new PatternAutomaton(byText.values().toArray(Pattern[]::new), ignoreAsciiCase);
  }

  int patternCount() {
    return patternCount;
  }

  /** Reports the widest match ending at each unit of {@code view}, mapped to original chars. */
  void scan(DecodedView view, MatchSink sink) {
    int state = ROOT;
    int last = view.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = canonical(view.unit(i), ignoreAsciiCase);
      int next = child(state, c);
      while (next == NONE && state != ROOT) {
        state = failure[state];
        next = child(state, c);
      }
      state = next == NONE ? ROOT : next;
      int back = reachBack[state];
      if (back > 0) {
        int first = Math.max(0, i - back + 1);
        sink.match(view.start(first), view.end(Math.min(last, i + reachAhead[state])));
      }
    }
  }

  /**
   * Inserts the sorted patterns: each shares with its predecessor exactly their common prefix, so
   * the predecessor's path is the only one to look at. Returns the number of nodes.
   */
  private static int buildTrie(Pattern[] sorted, int[] parent, char[] symbol, Pattern[] ending) {
    int nodes = 1;
    int[] path =
        new int[1 + Arrays.stream(sorted).mapToInt(p -> p.text().length()).max().orElse(0)];
    String previous = "";
    for (Pattern form : sorted) {
      String pattern = form.text();
      int common = 0;
      int shorter = Math.min(previous.length(), pattern.length());
      while (common < shorter && previous.charAt(common) == pattern.charAt(common)) {
        common++;
      }
      for (int k = common; k < pattern.length(); k++) {
        parent[nodes] = path[k];
        symbol[nodes] = pattern.charAt(k);
        path[k + 1] = nodes++;
      }
      ending[path[pattern.length()]] = form;
      previous = pattern;
    }
    return nodes;
  }

  /** Breadth first, so that a node's failure target (which is shallower) is done before it. */
  private void linkFailures(int nodes, Pattern[] ending) {
    int[] queue = new int[nodes];
    int head = 0;
    int tail = 0;
    queue[tail++] = ROOT;
    while (head < tail) {
      int u = queue[head++];
      for (int slot = firstChild[u]; slot < firstChild[u + 1]; slot++) {
        int v = childNode[slot];
        char c = childSymbol[slot];
        int target = ROOT;
        if (u != ROOT) {
          int f = failure[u];
          int next = child(f, c);
          while (next == NONE && f != ROOT) {
            f = failure[f];
            next = child(f, c);
          }
          target = next == NONE ? ROOT : next;
        }
        failure[v] = target;
        reachBack[v] = reachBack[target];
        reachAhead[v] = reachAhead[target];
        Pattern own = ending[v];
        if (own != null) {
          reachBack[v] = Math.max(reachBack[v], own.text().length() + own.before());
          reachAhead[v] = Math.max(reachAhead[v], own.after());
        }
        queue[tail++] = v;
      }
    }
  }

  private int child(int node, char c) {
    if (node == ROOT && c < 128) {
      return rootAscii[c];
    }
    int low = firstChild[node];
    int high = firstChild[node + 1] - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      char s = childSymbol[mid];
      if (s < c) {
        low = mid + 1;
      } else if (s > c) {
        high = mid - 1;
      } else {
        return childNode[mid];
      }
    }
    return NONE;
  }

  private static String canonical(String pattern, boolean ignoreAsciiCase) {
    char[] chars = pattern.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = canonical(chars[i], ignoreAsciiCase);
    }
    return new String(chars);
  }

  private static char canonical(char c, boolean ignoreAsciiCase) {
    if (c == '+') {
      return ' ';
    }
    return ignoreAsciiCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
