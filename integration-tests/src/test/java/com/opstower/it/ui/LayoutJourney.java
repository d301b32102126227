package com.opstower.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Layout, keyboard and look checks for the signed-in UI, one behaviour per method, on the {@link
 * Browser} of the browser test class (which signs in first). Not a test class itself: {@code
 * LayoutAndAccessibilityIT} calls these methods in its own order. Every method leaves the browser
 * at the desktop size, on some page of the UI; none changes data.
 */
public final class LayoutJourney {

  static final int PHONE_WIDTH = 390;
  static final int PHONE_HEIGHT = 844;
  static final int DESKTOP_WIDTH = 1280;
  static final int DESKTOP_HEIGHT = 900;

  /** The view whose empty state is checked when agents exist (relative to this module). */
  private static final Path AGENTS_VIEW =
      Path.of("../web/src/main/resources/META-INF/resources/WEB-INF/views/agents/list.html");

  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  private static final Pattern FULL =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
  private static final Pattern RELATIVE =
      Pattern.compile(
          "just now|\\d+ min ago|\\d+ h ago|yesterday|\\d{1,2} [A-Z][a-z]{2}( \\d{4})?");

  private final Browser browser;

  public LayoutJourney(Browser browser) {
    this.browser = browser;
  }

  /**
   * At 390 × 844 no list page scrolls sideways, the navigation and Sign out stay on screen, and
   * that holds even once the first row (or the heading) carries a 100-character label without
   * spaces and a 2,000-character URL: these are written into the rendered page, so the check does
   * not depend on what the database holds.
   */
  public void listsFitA390PixelScreen(List<String> listPaths) throws IOException {
    List<String> failures = new ArrayList<>();
    browser.resize(PHONE_WIDTH, PHONE_HEIGHT);
    try {
      assertEquals(PHONE_WIDTH, browser.innerWidth(), "the viewport is a phone's");
      for (String path : listPaths) {
        browser.open(path);
        checkFits(path, "as rendered", failures);
        for (String id : List.of("logout", "account-link")) {
          checkOnScreen(path, "#" + id, failures);
        }
        for (WebElement link : browser.driver.findElements(By.cssSelector(".sidebar nav a"))) {
          if (!onScreen(link)) {
            failures.add(path + ": navigation link " + link.getText() + " is off screen");
          }
        }
        if (browser.present("#add-connection")) {
          checkOnScreen(path, "#add-connection", failures);
        }
        makeTheContentLong();
        checkFits(path, "with long labels and URLs", failures);
      }
    } finally {
      browser.restoreSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private void checkFits(String path, String state, List<String> failures) throws IOException {
    long scrollWidth = browser.scrollWidth();
    long innerWidth = browser.innerWidth();
    if (scrollWidth > innerWidth) {
      failures.add(path + " " + state + ": " + scrollWidth + " px wide, viewport " + innerWidth);
      browser.screenshot(
          "layout-390" + path.replaceAll("[^A-Za-z0-9]", "_") + "-" + state.replace(' ', '-'));
    }
  }

  private void checkOnScreen(String path, String selector, List<String> failures) {
    if (!onScreen(browser.driver.findElement(By.cssSelector(selector)))) {
      failures.add(path + ": " + selector + " is off screen");
    }
  }

  private boolean onScreen(WebElement element) {
    return Boolean.TRUE.equals(
        browser.script(
            "const r = arguments[0].getBoundingClientRect();"
                + " return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;",
            element));
  }

  /**
   * Copies the first table row (if any) and fills its cells with a 100-character label and, in its
   * code cells, a 2,000-character URL; the page heading and breadcrumb get the long label too.
   */
  private void makeTheContentLong() {
    browser.script(
        "const label = 'L'.repeat(100);"
            + " const url = 'https://api.example.com/' + 'a'.repeat(2000);"
            + " document.querySelectorAll('main h1, nav[aria-label=breadcrumb] li:last-child')"
            + "   .forEach(e => { e.textContent = label; });"
            + " document.querySelectorAll('main table tbody').forEach(body => {"
            + "   const first = body.querySelector('tr'); if (!first) { return; }"
            + "   const row = first.cloneNode(true);"
            + "   row.querySelectorAll('td').forEach(cell => {"
            + "     const code = cell.querySelector('code');"
            + "     if (code) { code.textContent = url; return; }"
            + "     if (cell.querySelector('button, form, time')) { return; }"
            + "     const target = cell.querySelector('a, span') || cell;"
            + "     target.textContent = label; });"
            + "   body.insertBefore(row, first); });"
            + " document.querySelectorAll('main dl.facts code').forEach(c => { c.textContent = url; });");
  }

  /**
   * The first Tab lands on "Skip to content", which is then visible; Enter moves focus to #main.
   */
  public void skipLinkIsTheFirstTabStopAndJumpsToContent() {
    browser.open("/connections");
    browser.script("if (document.activeElement) { document.activeElement.blur(); }");
    browser.pressTab();
    assertEquals("skip-link", browser.activeElementId(), "the first tab stop");
    WebElement skip = browser.driver.findElement(By.id("skip-link"));
    assertTrue(skip.isDisplayed());
    assertTrue(onScreen(skip), "visible when focused");
    assertTrue(
        Boolean.TRUE.equals(
            browser.script(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.height > 0;",
                skip)),
        "inside the viewport when focused");
    assertEquals("Skip to content", skip.getText());
    browser.press(Keys.ENTER);
    browser.waitUpTo(Duration.ofSeconds(5)).until(d -> "main".equals(browser.activeElementId()));
    assertTrue(browser.driver.getCurrentUrl().endsWith("#main"), browser.driver.getCurrentUrl());
    assertTrue(browser.present("#main main"), "the target holds the page's main content");
  }

  /** Keyboard focus on a button, a link and an input shows a ring of at least 2 px. */
  public void focusRingIsAtLeastTwoPixels() {
    browser.open("/connections");
    browser.script("document.getElementById('account-link').focus()");
    browser.pressTab();
    assertEquals("logout", browser.activeElementId(), "Sign out follows Account");
    assertRing("the Sign out button");
    browser.pressShiftTab();
    assertEquals("account-link", browser.activeElementId());
    assertRing("the Account link");

    browser.open("/activity");
    browser.script("document.getElementById('filter-agent').focus()");
    browser.pressTab();
    assertEquals("filter-connection", browser.activeElementId());
    assertRing("the connection filter");

    browser.open("/tokens");
    browser.script("document.getElementById('token-name').focus()");
    assertEquals("token-name", browser.activeElementId());
    assertRing("the token name input");
  }

  private void assertRing(String what) {
    Object ring =
        browser.script(
            "const s = getComputedStyle(document.activeElement);"
                + " const outline = s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0;"
                + " let shadow = 0;"
                + " for (const m of s.boxShadow.matchAll("
                + "/(?:rgba?\\([^)]*\\)\\s*)?(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+([\\d.]+)px\\s+([\\d.]+)px/g)) {"
                + "   if (m[1] === '0' && m[2] === '0' && m[3] === '0') {"
                + "     shadow = Math.max(shadow, parseFloat(m[4])); } }"
                + " return Math.max(outline, shadow);");
    assertNotNull(ring);
    assertTrue(((Number) ring).doubleValue() >= 2, what + ": focus ring of " + ring + " px");
  }

  /** A save with an empty base URL comes back with #form-errors and the base URL focused. */
  public void focusMovesToTheFirstInvalidFieldAfterARejectedSave() {
    browser.open("/connections/new/external-api");
    browser.fill("label", "Focus check");
    browser.driver.findElement(By.id("baseUrl")).clear();
    browser.clickAndWait(By.id("save"));
    assertTrue(browser.present("#form-errors"), "the save was rejected");
    assertEquals(
        "true", browser.driver.findElement(By.id("baseUrl")).getDomAttribute("aria-invalid"));
    browser.waitUpTo(Duration.ofSeconds(5)).until(d -> "baseUrl".equals(browser.activeElementId()));
    assertEquals("baseUrl", browser.activeElementId());
  }

  /**
   * The lists show times as "3 min ago", "yesterday" or "12 Nov" on one line, in a {@code <time>}
   * with the ISO instant in {@code datetime} and the full UTC time in {@code title} (the hover).
   */
  public void timesAreRelativeWithTheFullTimeOnHover() {
    int seen = 0;
    for (String path : List.of("/tokens", "/activity", "/connections")) {
      browser.open(path);
      // the first rows of each list: other test classes may have filled the activity log
      List<WebElement> times = browser.driver.findElements(By.cssSelector("main td time"));
      for (WebElement time : times.subList(0, Math.min(5, times.size()))) {
        seen++;
        String where = path + ": " + time.getDomProperty("outerHTML");
        assertTrue(ISO.matcher(str(time.getDomAttribute("datetime"))).matches(), where);
        assertTrue(FULL.matcher(str(time.getDomAttribute("title"))).matches(), where);
        assertTrue(
            RELATIVE.matcher(time.getText().strip()).matches(), path + ": " + time.getText());
        assertEquals(
            1L,
            ((Number) browser.script("return arguments[0].getClientRects().length", time))
                .longValue(),
            path + ": the time stays on one line");
      }
    }
    assertTrue(seen > 0, "no list showed a time");
  }

  private static String str(String value) {
    return value == null ? "" : value;
  }

  /**
   * Revoke, the Delete buttons of a connection and an agent and the confirmations' buttons are red:
   * their text (outlined) or background (filled) is clearly red.
   */
  public void deleteAndRevokeLookDestructive() {
    int checked = 0;
    browser.open("/tokens");
    List<WebElement> revokes = browser.driver.findElements(By.cssSelector("#tokens-table .revoke"));
    if (!revokes.isEmpty()) {
      assertRed("Revoke", revokes.get(0), "color");
      checked++;
      if ("a".equals(revokes.get(0).getTagName())) {
        browser.clickAndWait(By.cssSelector("#tokens-table .revoke"));
        if (browser.present("#confirm-revoke")) {
          assertRed("Confirm revoke", element("#confirm-revoke"), "background-color");
          checked++;
        }
      }
    }

    browser.open("/connections");
    String connectionId = firstRowId("#connections-table");
    if (connectionId != null) {
      browser.open("/connections/" + connectionId);
      assertRed("Delete connection", element("#delete-connection"), "color");
      browser.clickAndWait(By.id("delete-connection"));
      assertRed("Confirm delete connection", element("#confirm-delete"), "background-color");
      checked += 2;
    }

    browser.open("/agents");
    String agentId = firstRowId("#agents-table");
    if (agentId != null) {
      browser.open("/agents/" + agentId);
      assertRed("Delete agent", element("#delete-agent"), "color");
      browser.open("/agents/" + agentId + "/delete");
      assertRed("Confirm delete agent", element("#confirm-delete-agent"), "background-color");
      checked += 2;
    }
    browser.open("/connections");
    assertTrue(checked > 0, "no Delete or Revoke button was there to check");
  }

  private WebElement element(String selector) {
    return browser.driver.findElement(By.cssSelector(selector));
  }

  private String firstRowId(String table) {
    return browser.driver.findElements(By.cssSelector(table + " tbody tr[data-id]")).stream()
        .map(row -> row.getDomAttribute("data-id"))
        .findFirst()
        .orElse(null);
  }

  private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");

  /**
   * The border is red, and so is the text (outlined) or the background (filled), also while
   * hovered; the pointer is moved out of the way first so that the resting state is read.
   */
  private void assertRed(String what, WebElement element, String property) {
    browser.movePointerAway();
    String border = element.getCssValue("border-top-color");
    String value = element.getCssValue(property);
    assertTrue(red(border), what + " should look destructive, its border is " + border);
    assertTrue(red(value), what + " should look destructive, " + property + " is " + value);
  }

  private static boolean red(String cssColor) {
    Matcher rgb = RGB.matcher(cssColor);
    if (!rgb.find()) {
      return false;
    }
    int red = Integer.parseInt(rgb.group(1));
    int green = Integer.parseInt(rgb.group(2));
    int blue = Integer.parseInt(rgb.group(3));
    return red >= 120 && red - Math.max(green, blue) >= 60;
  }

  /**
   * The agents' empty state links to the create form and explains the agent types. While agents
   * exist the empty state is not rendered: then every row explains its type, and the view's empty
   * state is checked in its source instead.
   */
  public void agentsEmptyStateOffersAddAgent() throws IOException {
    browser.open("/agents");
    List<String> explanations =
        List.of(
            "Reads data and reports.",
            "Investigates incidents and errors.",
            "Tracks usage and feedback.",
            "Your own instructions.");
    if (browser.present("#empty-agents")) {
      WebElement add = element("#empty-agents #empty-add-agent");
      assertEquals("Add agent", add.getText());
      String types = browser.text("#empty-agents #agent-types");
      explanations.forEach(line -> assertTrue(types.contains(line), line));
      browser.clickAndWait(By.id("empty-add-agent"));
      assertEquals("/agents/new", browser.path());
      return;
    }
    for (WebElement help :
        browser.driver.findElements(By.cssSelector("#agents-table .type-help"))) {
      assertTrue(explanations.contains(help.getText().strip()), "type help: " + help.getText());
    }
    assertFalse(
        browser.driver.findElements(By.cssSelector("#agents-table .type-help")).isEmpty(),
        "each agent row explains its type");
    if (Files.exists(AGENTS_VIEW)) {
      String view = Files.readString(AGENTS_VIEW);
      int start = view.indexOf("id=\"empty-agents\"");
      assertTrue(start > 0, "the view has an empty state");
      String emptyState = view.substring(start, view.indexOf("</article>", start));
      assertTrue(emptyState.contains("th:href=\"@{/agents/new}\""), emptyState);
      assertTrue(emptyState.contains("id=\"empty-add-agent\""), emptyState);
      assertTrue(emptyState.contains(">Add agent</a>"), emptyState);
      explanations.forEach(line -> assertTrue(emptyState.contains(line), line));
    }
  }

  /**
   * /assets/favicon.svg is an SVG the pages link, signed in and on the sign-in page, and the CSP
   * lets the page load it.
   */
  public void faviconIsServed() {
    HttpResponse<String> icon = browser.fetch("/assets/favicon.svg");
    assertEquals(200, icon.statusCode());
    assertTrue(
        icon.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"),
        icon.headers().toString());
    assertTrue(icon.body().contains("<svg"), icon.body());

    browser.open("/connections");
    WebElement link = element("link[rel=icon]");
    assertEquals("image/svg+xml", link.getDomAttribute("type"));
    assertTrue(str(link.getDomProperty("href")).endsWith("/assets/favicon.svg"));
    Object loaded =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1]; const img = new Image();"
                + " img.onload = () => done(img.naturalWidth > 0);"
                + " img.onerror = () => done(false);"
                + " img.src = document.querySelector('link[rel=icon]').href;");
    assertEquals(Boolean.TRUE, loaded, "the CSP lets the page load its favicon");

    HttpResponse<String> login = signedOut("/login");
    assertTrue(
        login.body().contains("<link rel=\"icon\" type=\"image/svg+xml\""), "sign-in page icon");
    assertTrue(
        login.headers().firstValue("Content-Security-Policy").orElse("").contains("img-src 'self'"),
        "CSP allows same-origin images");
  }

  /** The sign-in page (also the throttled 429 one) has the product's shell, brand and CSS. */
  public void signInPageSharesTheLayout() {
    String html = signedOut("/login").body();
    for (String part :
        List.of(
            "class=\"shell shell-signed-out\"",
            "class=\"sidebar\"",
            "class=\"brand-name\"",
            "/assets/app.css",
            "id=\"skip-link\"",
            "id=\"sign-in\"",
            "id=\"username\"",
            "id=\"password\"")) {
      assertTrue(html.contains(part), part);
    }
  }

  /** A GET without the browser's session, as someone signed out sees it. */
  private HttpResponse<String> signedOut(String path) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(browser.url(path)))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException failed) {
      throw new IllegalStateException("GET " + path + " failed: " + failed, failed);
    }
  }
}
