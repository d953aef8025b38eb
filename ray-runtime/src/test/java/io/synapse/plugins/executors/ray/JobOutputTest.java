package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a job's log: the envelope between the submission's markers, the events, the progress. */
class JobOutputTest {
  private static PluginEvent progress(String category, long current, long total) {
    return new PluginEvent(EventType.PROGRESS, System.Logger.Level.INFO, "train", category, null, null, Map.of(),
        new PluginEvent.Progress(current, total), Instant.parse("2026-01-01T00:00:00Z"), "job-1");
  }

  private static String line(PluginEvent event) {
    return RemoteProtocol.write(new RemoteMessage.Event("job-1", event));
  }

  private static String block(String marker, String body) {
    return JobMain.RESULT_BEGIN + marker + "\n" + body + "\n" + JobMain.RESULT_END + marker + "\n";
  }

  @Test
  void theEnvelopeIsTheTextBetweenThisSubmissionsMarkers() {
    String logs = "Runtime env is setting up.\nhello from the action\n" + block("m1", "{\"ok\":true,\"result\":1}") + "bye\n";
    assertEquals(Optional.of("{\"ok\":true,\"result\":1}"), JobOutput.of(logs, "m1").envelope());
  }

  @Test
  void markersOfOtherSubmissionsAndUnfinishedBlocksAreIgnored() {
    String logs = block("other", "{\"ok\":true,\"result\":\"fake\"}") + JobMain.RESULT_BEGIN + "m1\n{\"ok\":true";
    assertEquals(Optional.empty(), JobOutput.of(logs, "m1").envelope());
    assertEquals(Optional.empty(), JobOutput.of(JobMain.RESULT_END + "m1\n", "m1").envelope(), "an end without a begin");
  }

  @Test
  void theLastCompleteBlockWins() {
    String logs = block("m1", "{\"ok\":true,\"result\":\"printed by the action\"}") + block("m1", "{\"ok\":true,\"result\":2}");
    assertEquals(Optional.of("{\"ok\":true,\"result\":2}"), JobOutput.of(logs, "m1").envelope());
  }

  @Test
  void eventsAreTheProtocolsEventMessagesAndNothingElse() {
    String logs = String.join("\n", "plain text", line(progress("epochs", 1, 5)),
        "{\"type\":\"not an event\"}", "{\"protocol\":\"synapse-remote\", broken", line(progress("epochs", 3, 5)),
        RemoteProtocol.write(new RemoteMessage.Result("job-1", 1, 1)), "  " + line(progress("batches", 7, 10)));
    List<PluginEvent> events = JobOutput.of(logs, null).events();
    assertEquals(List.of(progress("epochs", 1, 5), progress("epochs", 3, 5), progress("batches", 7, 10)), events);
    assertEquals(Map.of("epochs", new PluginEvent.Progress(3, 5), "batches", new PluginEvent.Progress(7, 10)), JobOutput.of(logs, null).progress());
    assertTrue(JobOutput.of("no events\n", null).progress().isEmpty());
  }

  @Test
  void theTailIsTheLastLines() {
    JobOutput two = new JobOutput(null, false, 2, false);
    "a\nb\nc\nd\n".lines().forEach(line -> two.accept(line + "\n"));
    assertEquals("c\nd", two.tail());
    JobOutput five = new JobOutput(null, false, 5, false);
    five.accept("a");
    assertEquals("", five.tail(), "a line without its break is not whole yet");
    five.finish();
    assertEquals("a", five.tail());
  }

  @Test
  void longLinesComeInPiecesAndOnlyTheOutcomeIsKeptWhole() {
    String result = RemoteProtocol.write(new RemoteMessage.Result("job-1", "r".repeat(3 * JobOutput.KEPT_OF_LONG_LINE), 1));
    JobOutput output = new JobOutput("m1", true, 10, false);
    output.accept("x".repeat(JobOutput.KEPT_OF_LONG_LINE));
    output.accept("x".repeat(JobOutput.KEPT_OF_LONG_LINE) + "\n");
    output.accept(JobMain.RESULT_BEGIN + "m1\n");
    for (int i = 0; i < result.length(); i += 1000) {
      output.accept(result.substring(i, Math.min(result.length(), i + 1000)));
    }
    output.accept("\n");
    output.accept(JobMain.RESULT_END + "m1\n");
    output.accept(line(progress("epochs", 1, 2)) + "\n");
    output.finish();
    assertEquals(Optional.of(result), output.envelope(), "the outcome is whole");
    assertEquals(JobOutput.KEPT_OF_LONG_LINE, output.tail().lines().findFirst().orElseThrow().length(), "a long line is cut for the tail");
    assertEquals(List.of(progress("epochs", 1, 2)), output.events());
  }
}
