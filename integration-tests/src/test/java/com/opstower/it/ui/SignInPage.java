package com.opstower.it.ui;

import org.openqa.selenium.By;

/** Signing in and out the way a person does. */
final class SignInPage {

  private final Browser browser;

  SignInPage(Browser browser) {
    this.browser = browser;
  }

  /** On the sign-in page: types the credentials and waits for the page sign-in leads to. */
  void signIn(String password) {
    browser.fill("username", "admin");
    browser.fill("password", password);
    browser.clickAndWait(By.id("sign-in"));
  }

  /** Signed in afterwards, whatever the state before. */
  void ensureSignedIn(String password) {
    browser.open("/connections");
    if ("/login".equals(browser.path())) {
      signIn(password);
    }
  }

  /** Signed out afterwards (via the layout's Sign out button when signed in). */
  void signOut() {
    browser.open("/connections");
    if (!"/login".equals(browser.path())) {
      browser.clickAndWait(By.id("logout"));
    }
  }
}
