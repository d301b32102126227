package com.opstower.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.server.BootsEarly;
import com.opstower.it.server.PayaraProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contract's login throttling and the password rules against a real server, signing in the way
 * a browser does (session cookie, CSRF field of the page) with a plain HTTP client.
 *
 * <p>A Payara process of its own rather than the shared Arquillian server: five failed sign-ins
 * lock {@code admin} out for 15 minutes and a password change here changes {@code admin}'s
 * password, either of which would fail every UI test that runs after this class on a shared server.
 * The methods run in order on one server: the password changes first, the lock-out last. (The
 * refused start-up with a short password is in {@link ServerLifecycleIT}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@BootsEarly
class SignInSecurityIT {

  private static final Duration START = Duration.ofSeconds(240);
  private static final String FIRST_PASSWORD = "signin-it-First-5d2a9c";
  private static final String SECOND_PASSWORD = "signin-it-Second-8e41b7";

  private static PayaraProcess server;

  /** The admin's password as the tests have changed it so far. */
  private static String password = FIRST_PASSWORD;

  private static Path newDataDir(String name) throws IOException {
    Path dir = Path.of("target", "signin", name + "-" + UUID.randomUUID());
    Files.createDirectories(dir);
    return dir.toAbsolutePath();
  }

  private static boolean ready;

  /** Launches the server without waiting for it (EarlyBoots calls it when the run begins). */
  static synchronized void bootEarly() throws IOException {
    if (server == null) {
      Path data = newDataDir("server");
      server =
          PayaraProcess.start(
              Map.of(
                  "opstower.data-dir",
                  data.toString(),
                  "opstower.bootstrap.admin-password",
                  FIRST_PASSWORD),
              data.resolve("server.log"));
    }
  }

  /** Launched early or on first use; ready once this returns. */
  private static synchronized URI base() throws Exception {
    bootEarly();
    if (!ready) {
      assertTrue(server.awaitReady(START), server.logText());
      ready = true;
    }
    return server.base();
  }

  @AfterAll
  static synchronized void stop() throws InterruptedException {
    if (server != null) {
      server.close();
      server = null;
      ready = false;
    }
  }

  @Test
  @Order(2)
  void aPasswordChangeRefusesTheCurrentPasswordAndTheUsername() throws Exception {
    Visitor visitor = signedIn(base(), password);

    HttpResponse<String> same = visitor.changePassword(password, password, password);
    assertEquals(400, same.statusCode(), same.body());
    assertTrue(same.body().contains("Choose a password other than your current one."));

    HttpResponse<String> username = visitor.changePassword(password, "ADMIN", "ADMIN");
    assertEquals(400, username.statusCode(), username.body());
    assertTrue(username.body().contains("Your username cannot be your password."));

    HttpResponse<String> wrongCurrent =
        visitor.changePassword("not-the-password", SECOND_PASSWORD, SECOND_PASSWORD);
    assertEquals(400, wrongCurrent.statusCode(), wrongCurrent.body());
    assertTrue(wrongCurrent.body().contains("This is not your current password."));

    assertEquals(200, visitor.get("/connections").statusCode(), "still signed in");
    assertRedirect(
        new Visitor(base()).signIn("admin", password), "/connections", "nothing was saved");
  }

  @Test
  @Order(3)
  void changingThePasswordEndsTheOtherSessionsOfTheUserOnly() throws Exception {
    Visitor changing = signedIn(base(), password);
    Visitor other = signedIn(base(), password);
    assertEquals(200, other.get("/connections").statusCode());

    HttpResponse<String> changed =
        changing.changePassword(password, SECOND_PASSWORD, SECOND_PASSWORD);
    assertRedirect(changed, "/account/password", "password changed");
    password = SECOND_PASSWORD;
    HttpResponse<String> after = changing.follow(changed);
    assertEquals(200, after.statusCode(), "the changing session stays signed in");
    assertTrue(after.body().contains("Your other sessions are signed out."), after.body());
    assertEquals(200, changing.get("/connections").statusCode());

    HttpResponse<String> ended = other.get("/connections");
    assertRedirect(ended, "/login?passwordChanged", "the other session is signed out");
    HttpResponse<String> why = other.follow(ended);
    assertEquals(200, why.statusCode());
    assertTrue(why.body().contains("Your password was changed in another session"), why.body());
    assertRedirect(other.get("/connections"), "/login", "and stays signed out");

    assertEquals(401, new Visitor(base()).signIn("admin", FIRST_PASSWORD).statusCode());
    // also clears the failure just counted for admin, so the lock-out test starts from zero
    assertRedirect(new Visitor(base()).signIn("admin", password), "/connections", "new password");
  }

  @Test
  @Order(4)
  void afterFiveFailuresEvenTheRightPasswordIsAnswered429WithoutAHash() throws Exception {
    Visitor guesser = new Visitor(base());
    long fastestFailure = Long.MAX_VALUE;
    for (int i = 1; i <= 5; i++) {
      long started = System.nanoTime();
      HttpResponse<String> failed = guesser.signIn("admin", "wrong-guess-" + i);
      fastestFailure = Math.min(fastestFailure, System.nanoTime() - started);
      assertEquals(401, failed.statusCode(), "attempt " + i);
      assertTrue(failed.body().contains("Wrong username or password."));
    }

    HttpResponse<String> throttled = guesser.signIn("admin", password);
    assertEquals(429, throttled.statusCode(), throttled.body());
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 600 && retryAfter <= 900, "Retry-After " + retryAfter);
    assertTrue(
        Pattern.compile(
                "Too many failed sign-ins for this username\\. Try again in 1[45] minutes"
                    + " \\(after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)\\.")
            .matcher(throttled.body())
            .find(),
        throttled.body());
    assertTrue(throttled.body().contains("id=\"sign-in\""), "the form is still there");
    assertTrue(throttled.body().contains("<link rel=\"stylesheet\""), "in the page's layout");

    // The form on the 429 page is usable (its CSRF field is valid); another spelling of the name is
    // the same username; and no attempt while throttled costs a password hash.
    long fastestRefusal = Long.MAX_VALUE;
    for (String spelling : new String[] {"ADMIN", " Admin ", "admin"}) {
      long started = System.nanoTime();
      HttpResponse<String> again =
          guesser.post("/login", Map.of("username", spelling, "password", password));
      fastestRefusal = Math.min(fastestRefusal, System.nanoTime() - started);
      assertEquals(429, again.statusCode(), spelling);
      assertTrue(again.headers().firstValue("Retry-After").isPresent());
    }
    assertTrue(
        fastestRefusal < fastestFailure,
        "refused in " + fastestRefusal + " ns, a checked password took " + fastestFailure + " ns");
    assertRedirect(guesser.get("/connections"), "/login", "not signed in");
  }

  @Test
  @Order(5)
  void anotherUsernameFromTheSameAddressStillGetsTheNormalAnswer() throws Exception {
    HttpResponse<String> other = new Visitor(base()).signIn("operator", "some-password-123");
    assertEquals(401, other.statusCode(), other.body());
    assertTrue(other.body().contains("Wrong username or password."));
    assertFalse(other.headers().firstValue("Retry-After").isPresent());
  }

  /** A redirect to {@code to}, perhaps with more query parameters (Krazo's flash parameter). */
  private static void assertRedirect(HttpResponse<String> response, String to, String what) {
    assertEquals(3, response.statusCode() / 100, what + ": " + response.statusCode());
    String location = response.headers().firstValue("Location").orElse("");
    URI target = URI.create(location);
    String pathAndQuery =
        target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    assertTrue(
        pathAndQuery.equals(to) || pathAndQuery.startsWith(to + (to.contains("?") ? "&" : "?")),
        what + ": Location " + location);
  }

  private static Visitor signedIn(URI base, String password) throws Exception {
    Visitor visitor = new Visitor(base);
    assertRedirect(visitor.signIn("admin", password), "/connections", "signed in");
    return visitor;
  }
}
