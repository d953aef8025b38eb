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
    assertEquals(Optional.of("{\"ok\":true,\"result\":1}"), JobOutput.envelope(logs, "m1"));
  }

  @Test
  void markersOfOtherSubmissionsAndUnfinishedBlocksAreIgnored() {
    String logs = block("other", "{\"ok\":true,\"result\":\"fake\"}") + JobMain.RESULT_BEGIN + "m1\n{\"ok\":true";
    assertEquals(Optional.empty(), JobOutput.envelope(logs, "m1"));
    assertEquals(Optional.empty(), JobOutput.envelope(JobMain.RESULT_END + "m1\n", "m1"), "an end without a begin");
  }

  @Test
  void theLastCompleteBlockWins() {
    String logs = block("m1", "{\"ok\":true,\"result\":\"printed by the action\"}") + block("m1", "{\"ok\":true,\"result\":2}");
    assertEquals(Optional.of("{\"ok\":true,\"result\":2}"), JobOutput.envelope(logs, "m1"));
  }

  @Test
  void eventsAreTheProtocolsEventMessagesAndNothingElse() {
    String logs = String.join("\n", "plain text", line(progress("epochs", 1, 5)),
        "{\"type\":\"not an event\"}", "{\"protocol\":\"synapse-remote\", broken", line(progress("epochs", 3, 5)),
        RemoteProtocol.write(new RemoteMessage.Result("job-1", 1, 1)), "  " + line(progress("batches", 7, 10)));
    List<PluginEvent> events = JobOutput.events(logs);
    assertEquals(List.of(progress("epochs", 1, 5), progress("epochs", 3, 5), progress("batches", 7, 10)), events);
    assertEquals(Map.of("epochs", new PluginEvent.Progress(3, 5), "batches", new PluginEvent.Progress(7, 10)), JobOutput.progress(logs));
    assertTrue(JobOutput.progress("no events\n").isEmpty());
  }

  @Test
  void theTailIsTheLastLines() {
    assertEquals("c\nd", JobOutput.tail("a\nb\nc\nd\n", 2));
    assertEquals("a", JobOutput.tail("a", 5));
  }
}
