package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PluginActor#runAll}, in process (no Ray needed: the actor is a plain object): every line of a chunk gets
 * exactly one outcome under its own id, and lines that are not version-1 requests are refused one by one.
 */
class PluginActorRunAllTest {

  private static String request(String id) {
    return RemoteProtocol.write(new RemoteMessage.Request(id, "no_such_plugin", "noop", Map.of(), Map.of(), null, null, null, null));
  }

  @Test
  void eachRequestOfAChunkGetsItsOwnOutcomeInOrder() {
    String chunk = request("a") + "\n" + request("b") + "\n\n" + request("c") + "\n";
    List<RemoteMessage> replies = RemoteProtocol.readTranscript(new PluginActor().runAll(chunk));
    List<RemoteMessage.Outcome> outcomes = replies.stream().filter(RemoteMessage.Outcome.class::isInstance)
        .map(RemoteMessage.Outcome.class::cast).toList();
    assertEquals(List.of("a", "b", "c"), outcomes.stream().map(RemoteMessage::id).toList());
    for (RemoteMessage.Outcome outcome : outcomes) {
      RemoteMessage.Failure failure = assertInstanceOf(RemoteMessage.Failure.class, outcome);
      assertTrue(failure.message().contains("no_such_plugin"), failure.message());
    }
  }

  @Test
  void linesThatAreNotVersionOneRequestsAreRefusedOneByOneAndTheOthersRun() {
    String otherVersion = request("v2").replace("\"version\":1", "\"version\":2");
    String poll = RemoteProtocol.write(new RemoteMessage.Poll("p", 0));
    String chunk = String.join("\n", request("a"), otherVersion, "not json", poll, request("b"));
    List<RemoteMessage.Failure> failures = RemoteProtocol.readTranscript(new PluginActor().runAll(chunk)).stream()
        .map(RemoteMessage.Failure.class::cast).toList();
    assertEquals(5, failures.size(), failures.toString());
    assertEquals(List.of("a", "", "", "p", "b"), failures.stream().map(RemoteMessage::id).toList());
    assertTrue(failures.get(1).message().contains("version 2"), failures.get(1).message());
    assertTrue(failures.get(2).message().contains("not JSON"), failures.get(2).message());
    assertTrue(failures.get(3).message().contains("request messages here, not Poll"), failures.get(3).message());
    for (int i = 1; i <= 3; i++) {
      assertEquals(RemoteProtocol.PROTOCOL_ERROR, failures.get(i).code());
    }
  }
}
