package io.synapse.plugins.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.CompositeSink;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.fixture.GreetParams;
import io.synapse.plugins.fixture.TestPluginRegistry;
import io.synapse.plugins.observation.RunObserver;
import io.synapse.plugins.observation.RunObservers;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The runtime's warnings still reach the JDK's logging, now that loggers are looked up only when something is logged. */
class WarningsTest {
  @Test
  void aFailingObserverIsLoggedAsAWarningOfRunObservers() {
    RunObserver broken = run -> {
      throw new IllegalStateException("observer bug");
    };
    List<LogRecord> records = captured("io.synapse.plugins.observation.RunObservers", () -> {
      RunObservers.register(broken);
      try {
        LocalExecutor.builder().sink(EventSink.discarding()).build().execute(TestPluginRegistry.GreetDescriptor.INSTANCE,
            new GreetParams("ada", 1));
      } finally {
        RunObservers.unregister(broken);
      }
    });
    assertEquals(1, records.size(), messages(records));
    assertEquals(Level.WARNING, records.get(0).getLevel());
    assertTrue(records.get(0).getMessage().contains("observer bug"), messages(records));
    assertEquals(RunObservers.class.getName(), records.get(0).getSourceClassName(), "the record names the class that logged it");
  }

  @Test
  void aFailingSinkIsLoggedAsAWarningOfCompositeSinkAndTheOthersStillHearTheEvent() {
    List<PluginEvent> heard = new ArrayList<>();
    EventSink broken = event -> {
      throw new IllegalStateException("sink bug");
    };
    List<LogRecord> records = captured("io.synapse.plugins.events.CompositeSink",
        () -> LocalExecutor.builder().sink(CompositeSink.of(broken, heard::add)).build()
            .execute(TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams("ada", 1)));
    assertTrue(!heard.isEmpty(), "the working sink heard the run");
    assertTrue(!records.isEmpty(), "no warning for the failing sink");
    for (LogRecord record : records) {
      assertEquals(Level.WARNING, record.getLevel());
      assertTrue(record.getMessage().contains("sink bug"), messages(records));
      assertEquals(CompositeSink.class.getName(), record.getSourceClassName());
    }
  }

  @Test
  void aSinkThatFailsToFlushIsLoggedAsAWarningOfLocalExecutor() {
    EventSink unflushable = new EventSink() {
      @Override
      public void accept(PluginEvent event) {}

      @Override
      public void flush() {
        throw new IllegalStateException("flush bug");
      }
    };
    List<LogRecord> records = captured("io.synapse.plugins.executors.LocalExecutor",
        () -> LocalExecutor.builder().sink(unflushable).build().execute(TestPluginRegistry.GreetDescriptor.INSTANCE,
            new GreetParams("ada", 1)));
    assertEquals(1, records.size(), messages(records));
    assertEquals(Level.WARNING, records.get(0).getLevel());
    assertTrue(records.get(0).getMessage().contains("flush bug"), messages(records));
    assertEquals(LocalExecutor.class.getName(), records.get(0).getSourceClassName());
  }

  private static List<LogRecord> captured(String loggerName, Runnable work) {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (records) {
          records.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(loggerName);
    logger.addHandler(handler);
    try {
      work.run();
    } finally {
      logger.removeHandler(handler);
    }
    return records;
  }

  private static String messages(List<LogRecord> records) {
    List<String> messages = new ArrayList<>();
    for (LogRecord record : records) {
      messages.add(record.getMessage());
    }
    return messages.toString();
  }
}
