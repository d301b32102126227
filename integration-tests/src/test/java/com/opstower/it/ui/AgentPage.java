package com.opstower.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An agent's page ({@code /agents/new} or {@code /agents/{id}}): one form, one Save. */
final class AgentPage {

  private final Browser browser;

  AgentPage(Browser browser) {
    this.browser = browser;
  }

  void openNew() {
    browser.open("/agents/new");
  }

  void open(String id) {
    browser.open("/agents/" + id);
  }

  void name(String name) {
    browser.fill("name", name);
  }

  void type(String wire) {
    browser.choose("type", wire);
  }

  void description(String text) {
    browser.fill("description", text);
  }

  /** What the description field holds as rendered (not what was typed since). */
  String savedDescription() {
    return browser.driver.findElement(By.id("description")).getDomProperty("value");
  }

  boolean isEnabled(String connectionId) {
    return connectionSwitch(connectionId).isSelected();
  }

  void setEnabled(String connectionId, boolean enabled) {
    WebElement toggle = connectionSwitch(connectionId);
    if (toggle.isSelected() != enabled) {
      toggle.click();
    }
  }

  /** The page's one Save (Create agent on the new page). */
  void save() {
    browser.clickAndWait(By.id("save-agent"));
  }

  /** The agent id of the page shown, from its URL. */
  String id() {
    return browser.path().substring("/agents/".length());
  }

  /** Buttons that post the agent's form (the engine token below has a form of its own). */
  long submitButtonsOfTheAgentForm() {
    return browser.driver.findElements(By.cssSelector("#agent-form button[type=submit]")).size()
        + browser
            .driver
            .findElements(By.cssSelector("button[type=submit][form=agent-form]"))
            .size();
  }

  private WebElement connectionSwitch(String connectionId) {
    return browser.driver.findElement(
        By.cssSelector("input[name=connectionId][value='" + connectionId + "']"));
  }
}
