package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code synapse console}: its options, its errors, and a console started by the command line, in process. */
class ConsoleCommandTest {
  private static final String SECRET = "cli-console-Secret-31";

  @Test
  void helpNamesTheTokenAndTheModes() {
    Cli.Result help = Cli.run("console", "--help");
    assertEquals(0, help.exitCode(), help::toString);
    assertTrue(help.out().contains("--host") && help.out().contains("token") && help.out().contains("--dashboard"), help.out());
    assertTrue(Cli.run("--help").out().contains("console"));
  }

  @Test
  void usageAndPluginErrorsComeBeforeListening() {
    assertEquals(ExitCodes.USAGE, Cli.run("console").exitCode());
    assertEquals(ExitCodes.USAGE, Cli.run("console", Cli.hello(), "--port", "70000").exitCode());
    Cli.Result missing = Cli.run("console", "no_such_plugin_anywhere");
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing::toString);
    Cli.Result host = Cli.run("console", Cli.hello(), "--host", "no-such-host.invalid");
    assertEquals(ExitCodes.CONFIG, host.exitCode(), host::toString);
  }

  @Test
  void theConsoleRunsActionsAndTheCommandLineMasksTheSecretsTypedIntoIt() throws Exception {
    CompletableFuture<Cli.Result> command = CompletableFuture.supplyAsync(
        () -> Cli.runMain("console", Cli.hello(), "hostile_plugin"));
    try {
      URI url = awaitUrl(command);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> plugins = http.send(HttpRequest.newBuilder(url.resolve("/api/plugins")).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(plugins.body().contains("\"code\":\"hello_plugin\"") && plugins.body().contains("\"code\":\"hostile_plugin\""), plugins.body());
      HttpResponse<String> run = http.send(HttpRequest.newBuilder(url.resolve("/api/runs")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"plugin\":\"hostile_plugin\",\"action\":\"leak\",\"params\":{\"token\":\""
              + SECRET + "\",\"kind\":\"x\"}}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(202, run.statusCode(), run.body());
      Matcher id = Pattern.compile("\"id\":\"(run-[0-9]+)\"").matcher(run.body());
      assertTrue(id.find());
      String events = http.send(HttpRequest.newBuilder(url.resolve("/api/runs/" + id.group(1) + "/events")).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(events.contains("event: result") && events.contains("seen ***"), events);
      assertFalse(events.contains(SECRET), events);
    } finally {
      ConsoleCommand.stopSignal.countDown();
    }
    Cli.Result result = command.get(60, TimeUnit.SECONDS);
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.err().contains("stdout line with ***"), "what the action printed, masked: " + result);
    assertFalse(result.err().contains(SECRET), result::toString);
    assertFalse(result.out().contains(SECRET), result::toString);
  }

  private static URI awaitUrl(CompletableFuture<Cli.Result> command) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (command.isDone()) {
        throw new AssertionError("the console ended: " + command.join());
      }
      Thread.sleep(50);
      if (ConsoleCommand.lastUrl != null) {
        return ConsoleCommand.lastUrl;
      }
    }
    throw new AssertionError("the console printed no URL");
  }
}
