package com.opstower.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Signing in and out in a real browser against the deployed WAR: every page asks for the sign-in
 * first, a deep link survives it, posts without the CSRF token are refused, the API never accepts
 * the session, the cookie is strict and signing out ends the session. Each test signs in or out
 * itself; the order only keeps the screenshot of the sign-in page first.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSessionIT extends BrowserTestBase {

  @Test
  @Order(1)
  void everyPageAsksForLoginFirst() throws Exception {
    new SignInPage(browser).signOut();
    browser.open("/connections");
    assertEquals("/login", browser.path());
    browser.screenshot("01-login");
    browser.fill("username", "admin");
    browser.fill("password", "not-the-password");
    browser.clickAndWait(By.id("sign-in"));
    assertTrue(browser.present("#login-error"));

    browser.fill("username", "admin");
    browser.fill("password", PASSWORD);
    browser.clickAndWait(By.id("sign-in"));
    assertEquals("/connections", browser.path());
    assertEquals("admin", browser.text("#signed-in-user"));
    assertEquals(
        "page",
        browser
            .driver
            .findElement(By.cssSelector(".sidebar a.active"))
            .getDomAttribute("aria-current"));
    // Other test classes share the server: the empty state shows only when this class runs first
    // (ViewsRenderTest renders it whatever the data).
    if (browser.present("#empty-connections")) {
      browser.screenshot("02-connections-empty");
    }
  }

  @Test
  @Order(11)
  void postsWithoutTheCsrfTokenAreRefused() throws Exception {
    signIn();
    int before = rowIds().size();
    HttpResponse<String> refused =
        browser.postWithoutCsrf("/connections", "baseUrl=https%3A%2F%2Fevil.example&authType=none");
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("Request refused"));
    assertFalse(refused.body().contains("Exception"));
    assertEquals(before, rowIds().size());
    HttpResponse<String> unknown = browser.fetch("/connections/no-such-id");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("Page not found"));
  }

  @Test
  @Order(56)
  @Tag("journey") // seven sign-ins: -Pfull only; the rest of this class is the daily browser check
  void aDeepLinkSurvivesSignIn() {
    new TokensAndAgentsJourney(base, ADMIN_TOKEN, PASSWORD).aDeepLinkSurvivesSignIn(browser);
  }

  @Test
  @Order(97) // deletes the browser's cookies: signed out from here on
  void theApiNeverAcceptsTheSessionAndTheCookieIsStrict() throws Exception {
    signIn();
    HttpResponse<String> api = browser.fetch("/api/v1/connections");
    assertEquals(401, api.statusCode());
    browser.driver.manage().deleteAllCookies();
    HttpResponse<String> login = browser.fetch("/login");
    String cookie = login.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
    browser.open("/connections");
    assertEquals("/login", browser.path());
  }

  @Test
  @Order(99)
  void signingOutEndsTheSession() throws Exception {
    new SignInPage(browser).signOut(); // on the sign-in page
    browser.fill("username", "admin");
    browser.fill("password", PASSWORD);
    browser.clickAndWait(By.id("sign-in"));
    String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    browser.clickAndWait(By.id("logout"));
    assertTrue(browser.present("#signed-out"));
    browser.open("/connections");
    assertEquals("/login", browser.path());
    assertFalse(
        session.equals(
            String.valueOf(browser.driver.manage().getCookieNamed("JSESSIONID").getValue())));
  }
}
