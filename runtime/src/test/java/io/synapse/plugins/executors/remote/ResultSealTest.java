package io.synapse.plugins.executors.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A sealed outcome opens only with its key and its request's id, and only unchanged. */
class ResultSealTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final String LINE = RemoteProtocol.write(new RemoteMessage.Result("job-1", Map.of("total", 3), 7));

  @Test
  void aSealedOutcomeOpensToTheSameLineAndStillReadsAsTheProtocol() {
    String sealed = ResultSeal.seal(LINE, "job-1", KEY);
    assertEquals(Optional.of(LINE), ResultSeal.open(sealed, "job-1", KEY));
    RemoteMessage.Result result = (RemoteMessage.Result) RemoteProtocol.read(sealed);
    assertEquals(Map.of("total", 3), result.value(), "readers that do not check the seal ignore it");
  }

  @Test
  void everyChangeBreaksTheSeal() {
    String sealed = ResultSeal.seal(LINE, "job-1", KEY);
    List<String> forged = new ArrayList<>();
    forged.add(sealed.replace("\"total\":3", "\"total\":4"));
    forged.add(LINE);
    forged.add(sealed.substring(0, sealed.length() - 3) + "0\"}");
    forged.add(sealed.replace("\"mac\":\"", "\"mac\":\"x"));
    forged.add(sealed + " ");
    forged.add(sealed.substring(0, sealed.length() - 1) + ",\"extra\":1}");
    forged.add(ResultSeal.seal(LINE, "job-2", KEY));
    forged.add(ResultSeal.seal(LINE, "job-1", "another key of thirty-two bytes!".getBytes()));
    forged.add(LINE.substring(0, LINE.length() - 1) + ",\"mac\":\"" + "zz".repeat(32) + "\"}");
    forged.add("");
    forged.add("}");
    for (String line : forged) {
      assertEquals(Optional.empty(), ResultSeal.open(line, "job-1", KEY), line);
    }
    assertTrue(ResultSeal.open(sealed, "job-2", KEY).isEmpty(), "another request's id");
  }

  @Test
  void partsAreFramedSoThatTheyCannotBeShifted() {
    assertTrue(!java.util.Arrays.equals(ResultSeal.hmac(KEY, "ab", "c"), ResultSeal.hmac(KEY, "a", "bc")));
  }
}
