package io.synapse.plugins.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.slf4j.fixture.StagesAction_Descriptor;
import io.synapse.plugins.slf4j.fixture.TrainAction_Descriptor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** An action's events reach a real Logback setup as log records, with the run in the MDC and no secret. */
class Slf4jSinkTest {
  private static final String SECRET = "tok-very-secret-42";
  private static final String MASK = io.synapse.plugins.environment.Redactor.MASK;
  // Like an AsyncAppender, it takes the MDC when the record is made (Logback reads it lazily otherwise).
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };
  private Logger synapse;
  private Logger app;

  @BeforeEach
  void attach() {
    synapse = (Logger) LoggerFactory.getLogger("synapse");
    synapse.setLevel(Level.TRACE);
    app = (Logger) LoggerFactory.getLogger("app");
    app.setLevel(Level.INFO);
    appender.start();
    synapse.addAppender(appender);
    app.addAppender(appender);
  }

  @AfterEach
  void detach() {
    synapse.detachAppender(appender);
    app.detachAppender(appender);
    MDC.clear();
  }

  private List<ILoggingEvent> run(Slf4jSink sink, String jobId) {
    LocalExecutor executor = LocalExecutor.builder().jobId(jobId).sink(sink).env(Map.of("DB_PASSWORD", "pw-hidden-9")).build();
    assertEquals(2, executor.execute(TrainAction_Descriptor.INSTANCE, Map.of("epochs", 2, "apiToken", SECRET)));
    return appender.list;
  }

  @Test
  void everyEventBecomesARecordOfTheActionsLogger() {
    List<ILoggingEvent> records = run(Slf4jSink.create(), "job-42");
    assertEquals(List.of("train_started {token=" + MASK + "}", "progress [epochs] 1/2 (50.0%)", "progress [epochs] 2/2 (100.0%)",
        "metrics [epochs] {loss=0.25}", "trained with " + MASK, "dev debug_state {epochs=2}", "loss plateaued after 2 epochs"),
        records.stream().map(ILoggingEvent::getFormattedMessage).toList());
    assertTrue(records.stream().allMatch(r -> r.getLoggerName().equals("synapse.log_fixture.train")), "one logger per plugin and action");
    assertEquals(List.of(Level.INFO, Level.INFO, Level.INFO, Level.INFO, Level.INFO, Level.DEBUG, Level.WARN),
        records.stream().map(ILoggingEvent::getLevel).toList());
  }

  @Test
  void theRunIsInTheMdc() {
    List<ILoggingEvent> records = run(Slf4jSink.create(), "job-42");
    Map<String, String> first = records.get(0).getMDCPropertyMap();
    assertEquals("log_fixture", first.get(Slf4jSink.MDC_PLUGIN));
    assertEquals("train", first.get(Slf4jSink.MDC_ACTION));
    assertEquals("job-42", first.get(Slf4jSink.MDC_JOB_ID));
    assertEquals("log", first.get(Slf4jSink.MDC_EVENT));
    assertNull(first.get(Slf4jSink.MDC_CATEGORY));
    Map<String, String> progress = records.get(1).getMDCPropertyMap();
    assertEquals("epochs", progress.get(Slf4jSink.MDC_CATEGORY));
    assertEquals("progress", progress.get(Slf4jSink.MDC_EVENT));
    assertEquals("1", keyValues(records.get(1)).get("current"));
    assertEquals("2", keyValues(records.get(1)).get("total"));
    assertEquals("0.25", keyValues(records.get(3)).get("loss"));
  }

  @Test
  void mdcValuesSetBeforeAreRestored() {
    MDC.put("request", "r-1");
    MDC.put(Slf4jSink.MDC_JOB_ID, "outer-job");
    run(Slf4jSink.create(), null);
    assertEquals("r-1", MDC.get("request"));
    assertEquals("outer-job", MDC.get(Slf4jSink.MDC_JOB_ID));
    assertNull(MDC.get(Slf4jSink.MDC_ACTION));
    assertNull(appender.list.get(0).getMDCPropertyMap().get(Slf4jSink.MDC_JOB_ID), "a run without a job id has none");
    assertEquals("r-1", appender.list.get(0).getMDCPropertyMap().get("request"));
  }

  @Test
  void theRunAndItsStepAreInTheMdcOfTheActionsOwnLinesToo() {
    MDC.put("request", "r-2");
    LocalExecutor executor = LocalExecutor.builder().jobId("job-5").sink(Slf4jSink.create()).build();
    assertEquals("ok", executor.execute(StagesAction_Descriptor.INSTANCE, Map.of()));
    Map<String, String> before = record("before the steps").getMDCPropertyMap();
    assertEquals("stages", before.get(Slf4jSink.MDC_ACTION));
    assertEquals("log_fixture", before.get(Slf4jSink.MDC_PLUGIN));
    assertEquals("job-5", before.get(Slf4jSink.MDC_JOB_ID));
    assertEquals("local", before.get(Slf4jMdcObserver.MDC_MODE));
    assertNull(before.get(Slf4jSink.MDC_STEP), "no step runs yet");
    assertEquals("load", record("own line of load").getMDCPropertyMap().get(Slf4jSink.MDC_STEP));
    assertEquals("save", record("own line of save").getMDCPropertyMap().get(Slf4jSink.MDC_STEP));
    assertEquals("load", record("load_done [load]").getMDCPropertyMap().get(Slf4jSink.MDC_STEP), "the sink's record of a step event");
    assertEquals("save", record("save_done [save]").getMDCPropertyMap().get(Slf4jSink.MDC_STEP));
    assertEquals(Map.of("request", "r-2"), MDC.getCopyOfContextMap(), "the caller's MDC is back after the run");
  }

  private ILoggingEvent record(String message) {
    return appender.list.stream().filter(r -> r.getFormattedMessage().equals(message)).findFirst()
        .orElseThrow(() -> new AssertionError("no record '" + message + "' in " + appender.list));
  }

  @Test
  void secretsNeverReachTheRecords() {
    List<ILoggingEvent> records = run(Slf4jSink.create(), "job-1");
    String everything = records.stream().map(r -> r.getFormattedMessage() + r.getMDCPropertyMap() + keyValues(r))
        .collect(Collectors.joining("\n"));
    assertFalse(everything.contains(SECRET), everything);
    assertFalse(everything.contains("pw-hidden-9"), everything);
    assertEquals(MASK, keyValues(records.get(0)).get("token"));
  }

  @Test
  void levelsFollowTheEventsAndCanBeChosenPerType() {
    synapse.setLevel(Level.INFO);
    List<ILoggingEvent> records = run(Slf4jSink.builder().level(EventType.PROGRESS, org.slf4j.event.Level.DEBUG).build(), null);
    assertEquals(List.of("train_started {token=" + MASK + "}", "metrics [epochs] {loss=0.25}", "trained with " + MASK,
        "loss plateaued after 2 epochs"),
        records.stream().map(ILoggingEvent::getFormattedMessage).toList(), "progress at DEBUG and the dev event are filtered out");
    assertEquals(org.slf4j.event.Level.WARN, Slf4jSink.levelOf(System.Logger.Level.WARNING));
    assertEquals(org.slf4j.event.Level.ERROR, Slf4jSink.levelOf(System.Logger.Level.ERROR));
    assertEquals(org.slf4j.event.Level.TRACE, Slf4jSink.levelOf(System.Logger.Level.TRACE));
  }

  private static Map<String, String> keyValues(ILoggingEvent record) {
    return record.getKeyValuePairs() == null ? Map.of()
        : record.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value)));
  }
}
