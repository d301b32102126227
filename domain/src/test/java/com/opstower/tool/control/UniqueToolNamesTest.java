package com.opstower.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.ToolNameTest;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UniqueToolNamesTest {

  @Test
  void numbersDuplicatesFromTwoInInputOrder() {
    assertEquals(
        List.of("billing", "billing_2", "billing_3"),
        UniqueToolNames.assign(List.of("Billing", "Billing", "Billing")));
  }

  @Test
  void labelsDifferingOnlyInCaseOrPunctuationGetDistinctNames() {
    List<String> names =
        UniqueToolNames.assign(
            List.of("Billing API", "billing api", "BILLING-API", "Billing.API!"));

    assertEquals(List.of("billing_api", "billing_api_2", "billing-api", "billing_api_3"), names);
  }

  @Test
  void aLiteralSuffixedLabelKeepsItsNameAndTheDuplicateSkipsIt() {
    assertEquals(
        List.of("crm", "crm_3", "crm_2"), UniqueToolNames.assign(List.of("CRM", "crm", "CRM 2")));
  }

  @Test
  void aLiteralSuffixedLabelFirstInTheListKeepsItsName() {
    assertEquals(
        List.of("crm_2", "crm", "crm_3"), UniqueToolNames.assign(List.of("crm_2", "crm", "crm")));
  }

  @Test
  void labelsThatAllFallBackAreNumbered() {
    assertEquals(
        List.of("api", "api_2", "api_3"), UniqueToolNames.assign(List.of("🚀", "!!!", "日本")));
  }

  @Test
  void longDuplicatesStayWithinSixtyFourCharacters() {
    String label = "z".repeat(200);
    List<String> names = UniqueToolNames.assign(Collections.nCopies(12, label));

    assertEquals(12, new HashSet<>(names).size());
    assertEquals("z".repeat(64), names.get(0));
    assertEquals("z".repeat(61) + "_12", names.get(11));
    names.forEach(n -> assertTrue(ToolNameTest.OPENAI_NAME.matcher(n).matches(), n));
  }

  @Test
  void manyCollidingLabelsAreAllUniqueAndValid() {
    List<String> labels =
        IntStream.range(0, 300)
            .mapToObj(i -> i % 3 == 0 ? "api" : i % 3 == 1 ? "API " + (i % 7) : "api_" + (i % 11))
            .toList();
    List<String> names = UniqueToolNames.assign(labels);

    assertEquals(labels.size(), new HashSet<>(names).size());
    names.forEach(n -> assertTrue(ToolNameTest.OPENAI_NAME.matcher(n).matches(), n));
  }

  @Test
  void emptyListGivesNoNames() {
    assertEquals(List.of(), UniqueToolNames.assign(List.of()));
  }
}
