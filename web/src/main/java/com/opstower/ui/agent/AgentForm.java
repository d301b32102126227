package com.opstower.ui.agent;

import com.opstower.agent.control.AgentDraft;
import com.opstower.agent.entity.Agent;
import com.opstower.agent.entity.AgentType;
import jakarta.ws.rs.FormParam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The agent page's one form as posted: name, type, description and the connection switches. Every
 * listed connection sends its id as {@code shownConnectionId}; the checked ones also send {@code
 * connectionId}. So a save changes exactly the connections the page showed, and one added meanwhile
 * (not shown) keeps its state.
 */
public class AgentForm {

  @FormParam("name")
  String name;

  @FormParam("type")
  String type;

  @FormParam("description")
  String description;

  @FormParam("connectionId")
  List<String> connectionIds;

  @FormParam("shownConnectionId")
  List<String> shownConnectionIds;

  public static AgentForm blank() {
    AgentForm form = new AgentForm();
    form.type = AgentType.ANALYST.wire();
    return form;
  }

  public static AgentForm of(Agent agent) {
    AgentForm form = new AgentForm();
    form.name = agent.name();
    form.type = agent.type().wire();
    form.description = agent.description();
    return form;
  }

  public AgentDraft toDraft() {
    return new AgentDraft(name, type, description);
  }

  /** The connections the posted page listed. */
  public Set<String> shown() {
    return ids(shownConnectionIds);
  }

  /** The listed connections that were switched on. */
  public Set<String> enabled() {
    Set<String> enabled = ids(connectionIds);
    enabled.retainAll(shown());
    return enabled;
  }

  /**
   * Whether a re-rendered form shows {@code connectionId} switched on: as posted when the posted
   * page listed it, else as stored ({@code storedEnabled}).
   */
  public boolean showsEnabled(String connectionId, boolean storedEnabled) {
    return shown().contains(connectionId) ? enabled().contains(connectionId) : storedEnabled;
  }

  private static Set<String> ids(List<String> posted) {
    Set<String> ids = new LinkedHashSet<>();
    if (posted != null) {
      posted.stream().filter(id -> id != null && !id.isBlank()).forEach(ids::add);
    }
    return ids;
  }

  public String getName() {
    return name;
  }

  public String getType() {
    return type;
  }

  public String getDescription() {
    return description;
  }
}
