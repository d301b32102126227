package com.opstower.it.ui;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, plus a plain HTTP client that reuses the browser's
 * session cookie to read the exact HTML and headers the server sent.
 */
final class Browser implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private static final Duration POLL = Duration.ofMillis(10);

  final ChromeDriver driver;
  private final URI base;
  private final Path home;
  private final WebDriverWait wait;

  Browser(URL base) throws IOException {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.home = Files.createTempDirectory("opstower-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,960",
        "--user-data-dir=" + home.resolve("profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .withEnvironment(Map.of("HOME", home.toString()))
            .build();
    this.driver = new ChromeDriver(service, options);
    this.wait = waitUpTo(Duration.ofSeconds(30));
  }

  /**
   * A wait that looks again every {@link #POLL}: Selenium's default of half a second made every
   * page change in these tests cost at least that long.
   */
  WebDriverWait waitUpTo(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.pollingEvery(POLL);
    return wait;
  }

  void open(String path) {
    driver.get(url(path));
    waitForPage();
  }

  String url(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
  }

  /** Clicks something that loads a new page and waits until that page is there. */
  void clickAndWait(By target) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    wait.until(d -> isGone(oldPage));
    waitForPage();
  }

  /**
   * Whether {@code element} belongs to a page that has been replaced. Chromium reports an element
   * of a page that is being replaced either as stale or, in a short window during navigation, as a
   * node that "does not belong to the document"; both mean the old page is gone.
   */
  static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException stale) {
      return true;
    } catch (org.openqa.selenium.WebDriverException replaced) {
      if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw replaced;
    }
  }

  private void waitForPage() {
    wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
  }

  void fill(String id, String value) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  void choose(String id, String value) {
    new Select(driver.findElement(By.id(id))).selectByValue(value);
  }

  String text(String cssSelector) {
    try {
      return driver.findElement(By.cssSelector(cssSelector)).getText();
    } catch (org.openqa.selenium.NoSuchElementException missing) {
      keepEvidence("missing-" + cssSelector.replaceAll("[^A-Za-z0-9]", "_"));
      throw missing;
    }
  }

  /** The page as it was when an expected element was missing, for the failure report. */
  private void keepEvidence(String name) {
    try {
      screenshot(name);
      Files.writeString(Path.of("target", "screenshots", name + ".html"), driver.getPageSource());
    } catch (IOException | RuntimeException ignored) {
      // evidence is best effort; the assertion failure is what matters
    }
  }

  boolean present(String cssSelector) {
    return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
  }

  String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A GET with the browser's session: the HTML exactly as the server rendered it. */
  HttpResponse<String> fetch(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  /** A form POST with the browser's session but without the CSRF field. */
  HttpResponse<String> postWithoutCsrf(String path, String form) {
    return postForm(path, form);
  }

  /**
   * A form POST with the browser's session, as a browser without script sends it: {@code form}
   * exactly as given (see {@link HtmlForm#encode}), CSRF field included or not.
   */
  HttpResponse<String> postForm(String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    if (session != null) {
      request.header("Cookie", "JSESSIONID=" + session.getValue());
    }
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException failed) {
      throw new IllegalStateException("Request failed: " + failed, failed);
    }
  }

  /**
   * Makes the viewport exactly {@code width} × {@code height} CSS pixels: the window is resized
   * and, since window decorations would make the viewport smaller, Chromium is told the metrics
   * too.
   */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  /** Back to a desktop window of {@code width} × {@code height}, without metrics override. */
  void restoreSize(int width, int height) {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Runs {@code script} in the page (WebDriver scripts are not subject to the page's CSP). */
  Object script(String script, Object... arguments) {
    return driver.executeScript(script, arguments);
  }

  /** How wide the page is: wider than {@link #innerWidth()} means it scrolls sideways. */
  long scrollWidth() {
    return ((Number) script("return document.documentElement.scrollWidth")).longValue();
  }

  long innerWidth() {
    return ((Number) script("return window.innerWidth")).longValue();
  }

  /** The id of the focused element; empty for the body or an element without id. */
  String activeElementId() {
    Object id = script("return document.activeElement ? document.activeElement.id : ''");
    return id == null ? "" : id.toString();
  }

  /** Presses keys as a person would, into whatever has focus. */
  void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  void pressTab() {
    press(Keys.TAB);
  }

  void pressShiftTab() {
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
  }

  /** Puts the mouse in the top left corner, so that nothing the test reads is hovered. */
  void movePointerAway() {
    new Actions(driver).moveToLocation(1, 1).perform();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
