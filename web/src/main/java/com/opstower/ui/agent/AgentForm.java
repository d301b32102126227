package com.opstower.ui.agent;

import com.opstower.agent.control.AgentDraft;
import com.opstower.agent.entity.Agent;
import com.opstower.agent.entity.AgentType;
import jakarta.ws.rs.FormParam;

/** The agent form as posted (name, type, description). */
public class AgentForm {

  @FormParam("name")
  String name;

  @FormParam("type")
  String type;

  @FormParam("description")
  String description;

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
