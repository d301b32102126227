package com.opstower.execution.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opstower.execution.credential.PatternAutomaton.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PatternAutomaton}: the widest match ending at each unit, in one pass. */
class RedactionAutomatonTest {

  private static List<String> matches(PatternAutomaton automaton, String text) {
    List<String> found = new ArrayList<>();
    automaton.scan(DecodedView.of(text), (start, end) -> found.add(text.substring(start, end)));
    return found;
  }

  private static PatternAutomaton of(boolean ignoreCase, String... patterns) {
    return PatternAutomaton.of(List.of(patterns).stream().map(Pattern::of).toList(), ignoreCase);
  }

  @Test
  void reportsTheLongestPatternEndingAtEachUnitThroughFailureLinks() {
    PatternAutomaton automaton = of(false, "he", "she", "his", "hers");

    assertEquals(List.of("she", "hers"), matches(automaton, "ushers"));
    assertEquals(List.of("his", "she", "he"), matches(automaton, "hishehe"));
  }

  @Test
  void findsOverlappingAndRepeatedOccurrences() {
    PatternAutomaton automaton = of(false, "abab", "b");

    assertEquals(List.of("b", "abab", "abab", "abab"), matches(automaton, "ababababa"));
  }

  @Test
  void foldsAsciiCaseOnlyWhenAskedAndTreatsPlusAsSpace() {
    assertEquals(List.of("4B65"), matches(of(true, "4b65"), "x4B65"));
    assertEquals(List.of(), matches(of(false, "4b65"), "x4B65"));
    assertEquals(List.of("a+b", "a b"), matches(of(false, "a b"), "a+b a b"));
  }

  @Test
  void takesEdgeUnitsAlongWithoutLeavingTheText() {
    PatternAutomaton automaton =
        PatternAutomaton.of(List.of(new Pattern("core", 1, 1), Pattern.of("or")), false);

    assertEquals(List.of("or", "xcorey"), matches(automaton, "xcorey"));
    assertEquals(List.of("or", "core"), matches(automaton, "core"));
  }

  @Test
  void equalPatternsAreOneAndKeepTheWidestEdges() {
    PatternAutomaton automaton =
        PatternAutomaton.of(
            List.of(new Pattern("abc", 1, 0), new Pattern("abc", 0, 1), Pattern.of("")), false);

    assertEquals(1, automaton.patternCount());
    assertEquals(List.of("xabcy"), matches(automaton, "xabcy"));
  }

  @Test
  void handlesPatternsSharingLongPrefixesAndNonAsciiSymbols() {
    String long1 = "ä".repeat(3000) + "€";
    String long2 = "ä".repeat(3000) + "😀";
    PatternAutomaton automaton = of(false, long1, long2, "ää");
    String text = "ä".repeat(5000) + "😀";

    List<String> found = matches(automaton, text);

    assertEquals(long2, found.get(found.size() - 1));
    // "ää" ending at every "ä" but the first, then the long pattern ending at the low surrogate
    assertEquals(4999 + 1, found.size());
  }
}
