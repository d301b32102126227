package com.opstower.it.ui;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Fills the External API form the way a person would: type first, then the fields it shows. */
final class ConnectionFormPage {

  /** Everything one connection needs; {@code secret} goes into the field of {@code authType}. */
  record Entry(
      String label,
      String baseUrl,
      String authType,
      String authName,
      String secret,
      String docsUrl,
      String description) {}

  private final Browser browser;

  ConnectionFormPage(Browser browser) {
    this.browser = browser;
  }

  void fill(Entry entry) {
    browser.fill("label", entry.label());
    browser.fill("baseUrl", entry.baseUrl());
    browser.choose("authType", entry.authType());
    switch (entry.authType()) {
      case "bearer" -> browser.fill("token", entry.secret());
      case "api_key_header" -> {
        browser.fill("headerName", entry.authName());
        browser.fill("apiKey", entry.secret());
      }
      case "basic" -> {
        browser.fill("username", entry.authName());
        browser.fill("password", entry.secret());
      }
      case "query_param" -> {
        browser.fill("paramName", entry.authName());
        browser.fill("paramValue", entry.secret());
      }
      default -> {}
    }
    browser.fill("docsUrl", entry.docsUrl());
    browser.fill("description", entry.description());
  }

  /** Enters the secret again (it is never sent back to the browser). */
  void retypeSecret(Entry entry) {
    String field =
        switch (entry.authType()) {
          case "bearer" -> "token";
          case "api_key_header" -> "apiKey";
          case "basic" -> "password";
          case "query_param" -> "paramValue";
          default -> null;
        };
    if (field != null) {
      browser.fill(field, entry.secret());
    }
  }

  /**
   * Runs Test Connection the way a person does: in place (the page's script posts the form and
   * shows the answer), waiting until the answer is on the page.
   */
  void testConnection() {
    WebElement slot = browser.driver.findElement(By.id("test-result-slot"));
    int before = runs(slot);
    browser.driver.findElement(By.id("test-connection")).click();
    browser.waitUpTo(Duration.ofSeconds(30)).until(d -> runs(slot) > before);
  }

  private static int runs(WebElement slot) {
    String runs = slot.getDomAttribute("data-runs");
    return runs == null ? 0 : Integer.parseInt(runs);
  }

  /** What the person typed into {@code id} and still sees there (the live value). */
  String typed(String id) {
    return browser.driver.findElement(By.id(id)).getDomProperty("value");
  }

  void save() {
    browser.clickAndWait(By.id("save"));
  }

  /** What the re-rendered form holds in {@code id}: the value attribute the server sent. */
  String value(String id) {
    return browser.driver.findElement(By.id(id)).getDomAttribute("value");
  }
}
