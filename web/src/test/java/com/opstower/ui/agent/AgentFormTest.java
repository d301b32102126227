package com.opstower.ui.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agent page's one form: details and the connection switches it listed. */
class AgentFormTest {

  private static AgentForm posted(List<String> shown, List<String> checked) {
    AgentForm form = new AgentForm();
    form.name = "Analyst";
    form.type = "analyst";
    form.description = "Edited description";
    form.shownConnectionIds = shown;
    form.connectionIds = checked;
    return form;
  }

  @Test
  void carriesTheDetailsAndTheSwitchesTogether() {
    AgentForm form = posted(Arrays.asList("a", "b", "c"), Arrays.asList("a", "c"));
    assertEquals("Edited description", form.toDraft().description());
    assertEquals(Set.of("a", "b", "c"), form.shown());
    assertEquals(Set.of("a", "c"), form.enabled());
  }

  @Test
  void onlyListedConnectionsCanBeSwitched() {
    AgentForm form = posted(List.of("a"), List.of("a", "not-listed"));
    assertEquals(Set.of("a"), form.enabled());
  }

  @Test
  void aFormWithoutSwitchesChangesNoConnection() {
    AgentForm form = posted(null, null);
    assertTrue(form.shown().isEmpty());
    assertTrue(form.enabled().isEmpty());
    AgentForm blanks = posted(Arrays.asList("", " ", null), Arrays.asList("", null));
    assertTrue(blanks.shown().isEmpty());
    assertTrue(blanks.enabled().isEmpty());
  }

  @Test
  void aRefusedFormShowsTheSwitchesAsPostedAndTheRestAsStored() {
    AgentForm form = posted(List.of("a", "b"), List.of("b"));
    assertFalse(form.showsEnabled("a", true), "switched off on the page");
    assertTrue(form.showsEnabled("b", false), "switched on on the page");
    assertTrue(form.showsEnabled("new", true), "not on the page: as stored");
    assertFalse(form.showsEnabled("new", false));
    assertFalse(AgentForm.blank().showsEnabled("a", false), "a new agent starts with none");
  }
}
