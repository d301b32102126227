package com.opstower.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser, without the browser: keeps its session cookie and sends the CSRF field of the last
 * page it got with every form.
 */
final class Visitor {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          // HTTP/1.1: the h2c upgrade of the JDK client can deadlock Grizzly (see Api).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
  private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]*)");

  private final URI base;
  private String session;
  private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
  private String csrfName;
  private String csrfValue;

  Visitor(URI base) {
    this.base = base;
  }

  HttpResponse<String> signIn(String username, String password) throws Exception {
    get("/login");
    return post("/login", Map.of("username", username, "password", password));
  }

  HttpResponse<String> changePassword(String current, String password, String confirm)
      throws Exception {
    assertEquals(200, get("/account/password").statusCode());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("current", current);
    form.put("password", password);
    form.put("confirm", confirm);
    return post("/account/password", form);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
    return send(
        HttpRequest.newBuilder(
                base.resolve(redirect.headers().firstValue("Location").orElseThrow()))
            .GET());
  }

  HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (csrfName != null) {
      form.put(csrfName, csrfValue);
    }
    String body =
        form.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    // every cookie, as a browser keeps them: the session, and the flash of a redirect
    if (session != null) {
      cookies.put("JSESSIONID", session);
    }
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response =
        HTTP.send(
            request.timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      Matcher id = SESSION.matcher(cookie);
      if (id.lookingAt()) {
        session = id.group(1);
      }
      String pair = cookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        boolean expired = cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
        if (expired || value.isEmpty()) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
    }
    Matcher hidden = HIDDEN_INPUT.matcher(response.body());
    if (hidden.find()) {
      Matcher name = NAME.matcher(hidden.group());
      Matcher value = VALUE.matcher(hidden.group());
      if (name.find() && value.find()) {
        csrfName = name.group(1);
        csrfValue = value.group(1);
      }
    }
    return response;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
