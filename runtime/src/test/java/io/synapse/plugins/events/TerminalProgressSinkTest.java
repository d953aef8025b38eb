package io.synapse.plugins.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.context.RuntimeContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressSinkTest {

  @Test
  void drawsABarPerCategoryAndPassesOtherEventsOn() {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    RecordingSink others = new RecordingSink();
    try (TerminalProgressSink sink = new TerminalProgressSink(new PrintStream(screen, true, StandardCharsets.UTF_8), others)) {
      RuntimeContext context = RuntimeContext.builder("train").sink(sink).build();
      for (int i = 1; i <= 1000; i++) {
        context.setProgress(i, 1000, "epochs");
      }
      context.setProgress(3, 10, "files");
      context.logMessage("done");
    }
    String drawn = screen.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("epochs") && drawn.contains("100%") && drawn.contains("1000/1000"), drawn);
    assertTrue(drawn.contains("files") && drawn.contains("3/10"), drawn);
    assertEquals(1, others.events().size(), "only the message goes to the other sink");
  }

  @Test
  void fallsBackWithoutATerminal() {
    EventSink fallback = EventSink.discarding();
    if (System.console() == null) {
      assertSame(fallback, TerminalProgressSink.forTerminalOr(fallback));
    }
  }
}
