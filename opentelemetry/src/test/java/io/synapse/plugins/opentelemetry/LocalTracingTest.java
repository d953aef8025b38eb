package io.synapse.plugins.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.opentelemetry.fixture.PipelineAction;
import io.synapse.plugins.opentelemetry.fixture.PipelineParams;
import io.synapse.plugins.opentelemetry.fixture.PipelineResult;
import io.synapse.plugins.testing.ActionRun;
import io.synapse.plugins.testing.ActionTester;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LOCAL runs traced with the OpenTelemetry SDK, read back from its in-memory exporter. */
class LocalTracingTest {
  private static final String SECRET = "tok-s3cr3t-value";
  private static final ActionTester<PipelineParams, PipelineResult> PIPELINE = ActionTester.of(PipelineAction.class).jobId("job-9");
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private OpenTelemetrySdk sdk;

  @BeforeEach
  void install() {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
    SynapseTelemetry.install(sdk);
  }

  @AfterEach
  void uninstall() {
    SynapseTelemetry.reset();
    sdk.close();
  }

  private Map<String, SpanData> byName() {
    return exporter.getFinishedSpanItems().stream().collect(Collectors.toMap(SpanData::getName, s -> s));
  }

  @Test
  void aRunIsASpanWithAChildPerStep() {
    PIPELINE.run(Map.of("apiToken", SECRET)).assertSucceeded();
    Map<String, SpanData> spans = byName();
    assertEquals(4, spans.size(), spans.keySet()::toString);
    SpanData run = spans.get("synapse trace_fixture/pipeline");
    assertEquals(SpanKind.INTERNAL, run.getKind());
    assertEquals(Map.of("synapse.plugin", "trace_fixture", "synapse.action", "pipeline", "synapse.mode", "local",
        "synapse.role", "executor", "synapse.job_id", "job-9"), attributes(run));
    assertEquals(StatusCode.UNSET, run.getStatus().getStatusCode());
    for (String step : List.of("fetch", "train", "upload")) {
      SpanData stepSpan = spans.get("synapse step " + step);
      assertEquals(run.getSpanContext().getSpanId(), stepSpan.getParentSpanId(), step);
      assertEquals(run.getTraceId(), stepSpan.getTraceId());
      assertEquals(step, stepSpan.getAttributes().get(SpanAttributes.STEP));
    }
  }

  @Test
  void progressAndMetricsAreSpanEvents() {
    PIPELINE.run(Map.of("epochs", 200)).assertSucceeded();
    SpanData run = byName().get("synapse trace_fixture/pipeline");
    List<EventData> progress = run.getEvents().stream().filter(e -> e.getName().equals(SpanAttributes.PROGRESS_EVENT)).toList();
    List<EventData> train = progress.stream().filter(e -> "train".equals(e.getAttributes().get(SpanAttributes.CATEGORY))).toList();
    assertEquals(11, train.size(), "at most one event per tenth: 200 reports of train become 0.5%, 10%, ..., 100%");
    assertEquals(200L, train.get(train.size() - 1).getAttributes().get(SpanAttributes.CURRENT));
    assertEquals(100.0, train.get(train.size() - 1).getAttributes().get(SpanAttributes.PERCENT));
    List<EventData> metrics = run.getEvents().stream().filter(e -> e.getName().equals(SpanAttributes.METRICS_EVENT)).toList();
    assertEquals(3, metrics.size());
    assertEquals(0.5, metrics.get(1).getAttributes().get(AttributeKey.doubleKey("synapse.metric.loss")));
    assertEquals(200L, metrics.get(1).getAttributes().get(AttributeKey.longKey("synapse.metric.items")));
  }

  @Test
  void aFailureSetsTheStatusAndRecordsTheMaskedException() {
    ActionRun<PipelineResult> failed = PIPELINE.run(Map.of("apiToken", SECRET, "failAt", "train"));
    StepError error = failed.assertFailedWith(StepError.class);
    Map<String, SpanData> spans = byName();
    SpanData run = spans.get("synapse trace_fixture/pipeline");
    assertEquals(StatusCode.ERROR, run.getStatus().getStatusCode());
    assertEquals(error.code(), run.getAttributes().get(SpanAttributes.ERROR_CODE));
    assertEquals(StatusCode.ERROR, spans.get("synapse step train").getStatus().getStatusCode());
    assertEquals(StatusCode.UNSET, spans.get("synapse step fetch").getStatus().getStatusCode());
    assertNull(spans.get("synapse step upload"), "a step that never started has no span");
    String everything = exporter.getFinishedSpanItems().toString();
    assertTrue(everything.contains("exception"), "the exception is recorded");
    assertFalse(everything.contains(SECRET), "no secret in any span, event or status: " + everything);
  }

  @Test
  void paramsAreRecordedOnlyWhenAskedAndNeverTheSecretOnes() {
    PIPELINE.run(Map.of("name", "nightly", "apiToken", SECRET)).assertSucceeded();
    assertTrue(attributes(byName().get("synapse trace_fixture/pipeline")).keySet().stream().noneMatch(k -> k.startsWith("synapse.param.")));
    exporter.reset();
    SynapseTelemetry.install(new SynapseTelemetry.Settings(sdk, true));
    PIPELINE.run(Map.of("name", "nightly", "apiToken", SECRET, "epochs", 2)).assertSucceeded();
    Map<String, Object> recorded = attributes(byName().get("synapse trace_fixture/pipeline"));
    assertEquals("nightly", recorded.get("synapse.param.name"));
    assertEquals(2L, recorded.get("synapse.param.epochs"));
    assertFalse(recorded.containsKey("synapse.param.apiToken"), recorded::toString);
    assertFalse(recorded.toString().contains(SECRET), recorded::toString);
  }

  @Test
  void theRunNestsUnderTheCallersSpanAndIsCurrentWhileItRuns() {
    Span outer = sdk.getTracer("app").spanBuilder("request").startSpan();
    try (Scope ignored = outer.makeCurrent()) {
      PIPELINE.run(Map.of()).assertSucceeded();
    } finally {
      outer.end();
    }
    SpanData run = byName().get("synapse trace_fixture/pipeline");
    assertEquals(outer.getSpanContext().getSpanId(), run.getParentSpanId());
    assertEquals(Span.getInvalid(), Span.current(), "nothing is left current after the run");
  }

  @Test
  void aPlainActionFailureIsAnErrorSpanToo() {
    ActionTester.of(PipelineAction.class).run(Map.of("epochs", "many")).assertInvalid("epochs");
    assertTrue(exporter.getFinishedSpanItems().isEmpty(), "invalid params never start a run, so no span");
    ActionRun<PipelineResult> run = ActionTester.of(PipelineAction.class).run(Map.of("failAt", "fetch"));
    run.assertFailedWith(StepError.class);
    assertEquals(StatusCode.ERROR, byName().get("synapse trace_fixture/pipeline").getStatus().getStatusCode());
    assertFalse(ExecutionError.class.isInstance(run.error().orElseThrow()));
  }

  private static Map<String, Object> attributes(SpanData span) {
    return span.getAttributes().asMap().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().getKey(), Map.Entry::getValue));
  }
}
