package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.executors.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log tail's own work on the chunks a dashboard sends: lines are redacted whole however the chunks cut
 * them (a secret split over two or more chunks stays hidden), and a stream that starts over after a reconnect
 * passes on no line twice and loses none. (The reconnect itself runs against a real head in the examples'
 * RayLogTailTest.)
 */
class LogTailTest {
  private static final String SECRET = "tok-split-7d3a9c-secret";

  private final List<String> lines = new ArrayList<>();

  private LogTail tail() {
    DashboardClient client = DashboardClient.of("http://127.0.0.1:9", Duration.ofSeconds(1), RetryPolicy.none());
    return new LogTail(client, null, "job-1", "/api/jobs/job-1/logs/tail", Redactor.builder().secretValue(SECRET).build(), lines::add,
        Duration.ofSeconds(1));
  }

  @Test
  void aSecretSplitAtEveryPositionOverTwoChunksIsHidden() {
    String line = "token=" + SECRET + " in the log\n";
    for (int cut = 1; cut < line.length(); cut++) {
      lines.clear();
      LogTail tail = tail();
      tail.take(line.substring(0, cut));
      tail.take(line.substring(cut));
      tail.finish();
      assertEquals(List.of("token=*** in the log\n"), lines, "cut at " + cut);
    }
  }

  @Test
  void aSecretSplitOverManySmallChunksAndAnUnterminatedLastLineIsHidden() {
    LogTail tail = tail();
    String text = "first\nsecond " + SECRET + "\nlast " + SECRET;
    for (int i = 0; i < text.length(); i += 3) {
      tail.take(text.substring(i, Math.min(text.length(), i + 3)));
    }
    tail.finish();
    assertEquals(List.of("first\n", "second ***\n", "last ***"), lines);
    assertTrue(lines.stream().noneMatch(l -> l.contains("7d3a9c")));
  }

  @Test
  void aStreamThatStartsOverAfterAReconnectRepeatsAndLosesNothing() {
    LogTail tail = tail();
    tail.startedOver();
    tail.take("one\ntwo\nthr");
    // The connection dropped mid-line; the new one sends the log from its start again, in other chunks.
    tail.startedOver();
    tail.take("on");
    tail.take("e\ntwo\nthree\nfo");
    tail.startedOver();
    tail.take("one\ntwo\nthree\nfour\nfive\n");
    tail.finish();
    assertEquals(List.of("one\n", "two\n", "three\n", "four\n", "five\n"), lines);
  }
}
