package io.synapse.plugins.console;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every request before it reaches a handler.
 *
 * <ul>
 *   <li>On loopback the {@code Host} header must name a loopback address with the console's port, so
 *       that a page of another site cannot reach the console through a DNS name it rebinds to 127.0.0.1.
 *   <li>Beyond loopback every request must carry the {@link AccessToken}: as the {@code
 *       synapse_console_token} cookie (set when the printed URL, {@code /?token=...}, is opened) or as
 *       {@code Authorization: Bearer TOKEN}. Compared in constant time; never logged.
 *   <li>A request that changes something (POST) must come from the console's own origin when it names
 *       one ({@code Origin}), and its body must be JSON (checked where it is read), so that a form on
 *       another site cannot post to it.
 * </ul>
 */
final class AccessFilter extends Filter {
  static final String COOKIE = "synapse_console_token";
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final AccessToken token; // null on loopback
  private volatile int port;

  AccessFilter(AccessToken token) {
    this.token = token;
  }

  void port(int boundPort) {
    this.port = boundPort;
  }

  @Override
  public String description() {
    return "Synapse console access checks";
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (token == null && !isLoopbackHost(host)) {
      HttpIo.sendError(exchange, 403, "forbidden_host", "the console answers requests for 127.0.0.1 or localhost only");
      return;
    }
    if (token != null && !authorized(exchange)) {
      if (acceptsTokenFromQuery(exchange)) {
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token.value() + "; Path=/; HttpOnly; SameSite=Strict");
        exchange.getResponseHeaders().set("Location", "/");
        HttpIo.send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"synapse-console\"");
      HttpIo.sendError(exchange, 401, "unauthorized", "this console asks for the token it printed when it started");
      return;
    }
    if ("POST".equals(exchange.getRequestMethod()) && !sameOrigin(exchange, host)) {
      HttpIo.sendError(exchange, 403, "forbidden_origin", "requests that change something must come from the console's own page");
      return;
    }
    chain.doFilter(exchange);
  }

  private boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String value = host.trim().toLowerCase(Locale.ROOT);
    int colon = value.lastIndexOf(':');
    if (colon < 0 || value.endsWith("]")) {
      return false; // the port must be named: browsers always send it for a non-default port
    }
    String name = value.substring(0, colon);
    return LOOPBACK_NAMES.contains(name) && value.substring(colon + 1).equals(String.valueOf(port));
  }

  private boolean authorized(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && token.matches(authorization.substring(7))) {
      return true;
    }
    List<String> cookies = exchange.getRequestHeaders().get("Cookie");
    if (cookies != null) {
      for (String header : cookies) {
        for (String cookie : header.split(";")) {
          String pair = cookie.trim();
          if (pair.startsWith(COOKIE + "=") && token.matches(pair.substring(COOKIE.length() + 1))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // GET / with ?token=...: the URL the console printed. Only the page itself, so that the token is not
  // accepted from links to other paths.
  private boolean acceptsTokenFromQuery(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    if (!"GET".equals(exchange.getRequestMethod()) || !"/".equals(uri.getPath()) || uri.getRawQuery() == null) {
      return false;
    }
    for (String part : uri.getRawQuery().split("&")) {
      if (part.startsWith("token=") && token.matches(java.net.URLDecoder.decode(part.substring(6), java.nio.charset.StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameOrigin(HttpExchange exchange, String host) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null) {
      return true; // not a browser's cross-site request (browsers send Origin on every POST)
    }
    return host != null && origin.equalsIgnoreCase("http://" + host.trim());
  }
}
