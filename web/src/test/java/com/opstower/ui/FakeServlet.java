package com.opstower.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the servlet API for unit tests, as proxies: a session (attributes only), a request
 * (method, URI, query, session) and a response that records its headers and redirect. Any other
 * method answers null, false or 0.
 */
public final class FakeServlet {

  private FakeServlet() {}

  /** A session whose attributes are {@code attributes}, live. */
  public static HttpSession session(Map<String, Object> attributes) {
    return (HttpSession)
        Proxy.newProxyInstance(
            FakeServlet.class.getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> {
                    attributes.put((String) args[0], args[1]);
                    yield null;
                  }
                  case "removeAttribute" -> {
                    attributes.remove((String) args[0]);
                    yield null;
                  }
                  case "invalidate" -> {
                    attributes.clear();
                    yield null;
                  }
                  case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                  default -> defaultValue(method.getReturnType());
                });
  }

  /** A request at context root; {@code session} may be null (none yet). */
  public static HttpServletRequest request(
      String method, String uri, String query, HttpSession session, boolean secure) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeServlet.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI" -> uri;
                  case "getQueryString" -> query;
                  case "getContextPath" -> "";
                  case "isSecure" -> secure;
                  case "getSession" -> session;
                  default -> defaultValue(m.getReturnType());
                });
  }

  /** Headers in the order they were written, and the last redirect. */
  public static final class Recorded {
    public final List<String[]> headers = new ArrayList<>();
    public String redirect;

    public List<String> values(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }
  }

  public static HttpServletResponse response(Recorded recorded) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            FakeServlet.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getHeaders" -> recorded.values((String) args[0]);
                  case "setHeader" -> {
                    recorded.headers.removeIf(h -> h[0].equalsIgnoreCase((String) args[0]));
                    recorded.headers.add(new String[] {(String) args[0], (String) args[1]});
                    yield null;
                  }
                  case "addHeader" -> {
                    recorded.headers.add(new String[] {(String) args[0], (String) args[1]});
                    yield null;
                  }
                  case "sendRedirect" -> {
                    recorded.redirect = (String) args[0];
                    yield null;
                  }
                  default -> defaultValue(m.getReturnType());
                });
  }

  public static Map<String, Object> attributes() {
    return new HashMap<>();
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
