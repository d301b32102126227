package com.opstower.it.ui;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /tokens}: the create form, the value shown once, the list and its Revoke links. */
final class TokensPage {

  private final Browser browser;

  TokensPage(Browser browser) {
    this.browser = browser;
  }

  void open() {
    browser.open("/tokens");
  }

  /** Creates a token with the agent scope (checked by default) and waits for the next page. */
  void create(String name) {
    browser.fill("token-name", name);
    browser.clickAndWait(By.id("create-token"));
  }

  /** The value shown after a create, or null when the page shows none. */
  String issuedValue() {
    List<WebElement> value = browser.driver.findElements(By.id("token-value"));
    return value.isEmpty() ? null : value.get(0).getDomAttribute("value");
  }

  /** Rows of the active-token table whose name equals {@code name} ignoring case. */
  long rowsNamed(String name) {
    return browser.driver.findElements(By.cssSelector("#tokens-table tbody tr")).stream()
        .filter(
            row -> row.findElement(By.cssSelector("td")).getText().trim().equalsIgnoreCase(name))
        .count();
  }

  boolean lists(String id) {
    return !browser.driver.findElements(rowOf(id)).isEmpty();
  }

  /** Clicks the row's Revoke, which opens the confirmation page. */
  void clickRevoke(String id) {
    browser.clickAndWait(By.cssSelector("#tokens-table tr[data-id='" + id + "'] .revoke"));
  }

  /** On the confirmation page. */
  String confirmationNames() {
    return browser.text("#revoke-token-name");
  }

  void confirmRevoke() {
    browser.clickAndWait(By.id("confirm-revoke"));
  }

  void cancelRevoke() {
    browser.clickAndWait(By.cssSelector("#confirm-revoke-token footer a[role=button]"));
  }

  private static By rowOf(String id) {
    return By.cssSelector("#tokens-table tr[data-id='" + id + "']");
  }
}
