package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Following a job's log: events to the sink, other lines to the consumer, the outcome left out, whatever the chunks. */
class JobLogFollowerTest {
  private static PluginEvent progress(long current) {
    return new PluginEvent(EventType.PROGRESS, System.Logger.Level.INFO, "train", "epochs", null, null, Map.of(),
        new PluginEvent.Progress(current, 3), Instant.parse("2026-01-01T00:00:00Z"), "job-1");
  }

  private static String log() {
    return String.join("\n", "Runtime env is setting up.", RemoteProtocol.write(new RemoteMessage.Event("job-1", progress(1))),
        "printed by the action\r", RemoteProtocol.write(new RemoteMessage.Event("job-1", progress(3))),
        JobMain.RESULT_BEGIN + "m1", RemoteProtocol.write(new RemoteMessage.Result("job-1", 1, 42)), JobMain.RESULT_END + "m1",
        "the last line, without a break");
  }

  @Test
  void everySplitOfTheLogGivesTheSameEventsAndLines() {
    String log = log();
    for (int chunk = 1; chunk <= log.length(); chunk += 7) {
      List<PluginEvent> events = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      JobLogFollower follower = new JobLogFollower(events::add, lines::add);
      for (int i = 0; i < log.length(); i += chunk) {
        follower.accept(log.substring(i, Math.min(log.length(), i + chunk)));
      }
      follower.finish();
      assertEquals(List.of(progress(1), progress(3)), events, "chunks of " + chunk);
      assertEquals(List.of("Runtime env is setting up.", "printed by the action", "the last line, without a break"), lines,
          "chunks of " + chunk);
    }
  }
}
