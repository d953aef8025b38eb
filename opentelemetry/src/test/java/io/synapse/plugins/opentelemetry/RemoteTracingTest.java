package io.synapse.plugins.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.opentelemetry.fixture.PipelineAction_Descriptor;
import io.synapse.plugins.opentelemetry.fixture.PipelineResult;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace per remote run: the driver's span (SDK, in-memory exporter) and the span of the TASK actor or JOB
 * entrypoint that ran the action, with its steps, exported by the worker over OTLP/HTTP to a receiver on loopback,
 * the worker's SDK configured only from OTEL_* variables.
 */
@WithRayHead
class RemoteTracingTest {
  private static final String RUN = "synapse trace_fixture/pipeline";
  private static final InMemorySpanExporter DRIVER = InMemorySpanExporter.create();
  private static OpenTelemetrySdk sdk;
  private static OtlpReceiver receiver;

  @BeforeAll
  static void tracing() throws Exception {
    receiver = new OtlpReceiver();
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(DRIVER)).build()).build();
    SynapseTelemetry.install(sdk);
  }

  @AfterAll
  static void stopTracing() {
    SynapseTelemetry.reset();
    sdk.close();
    receiver.close();
  }

  /** What a worker needs to report to the receiver: the OpenTelemetry SDK's own environment variables. */
  private static Map<String, String> workerTelemetry(String service) {
    Map<String, String> env = new TreeMap<>();
    env.put("OTEL_JAVA_GLOBAL_AUTOCONFIGURE_ENABLED", "true");
    env.put("OTEL_SERVICE_NAME", service);
    env.put("OTEL_TRACES_EXPORTER", "otlp");
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    return env;
  }

  private static SpanData driverSpan(SpanKind kind) {
    return DRIVER.getFinishedSpanItems().stream().filter(s -> s.getName().equals(RUN) && s.getKind() == kind)
        .reduce((first, later) -> later).orElseThrow(() -> new AssertionError("no " + kind + " span on the driver: " + DRIVER.getFinishedSpanItems()));
  }

  private static void assertOneTrace(SpanData driver, String service, Span.SpanKind workerKind, String mode) throws Exception {
    List<OtlpReceiver.ReceivedSpan> spans = receiver.await(s -> s.service().equals(service) && s.name().equals(RUN)
        && s.traceId().equals(driver.getTraceId()), Duration.ofMinutes(2));
    OtlpReceiver.ReceivedSpan worker = spans.stream().filter(s -> s.service().equals(service) && s.name().equals(RUN)).findFirst().orElseThrow();
    assertEquals(driver.getSpanContext().getSpanId(), worker.parentSpanId(), "the worker's run is a child of the driver's");
    assertEquals(workerKind, worker.kind());
    assertEquals(mode, worker.attributes().get("synapse.mode"));
    assertEquals("executor", worker.attributes().get("synapse.role"));
    assertEquals("trace_fixture", worker.attributes().get("synapse.plugin"));
    receiver.await(s -> s.name().equals("synapse step upload") && s.traceId().equals(driver.getTraceId()), Duration.ofMinutes(1));
    List<OtlpReceiver.ReceivedSpan> steps = receiver.await(s -> true, Duration.ofSeconds(1)).stream()
        .filter(s -> s.traceId().equals(driver.getTraceId()) && s.name().startsWith("synapse step ")).toList();
    assertEquals(List.of("synapse step fetch", "synapse step train", "synapse step upload"),
        steps.stream().map(OtlpReceiver.ReceivedSpan::name).sorted().toList());
    assertTrue(steps.stream().allMatch(s -> s.parentSpanId().equals(worker.spanId())), "steps are children of the worker's run");
  }

  @Test
  void aTaskCallIsOneTraceFromTheDriverToTheActor(RayHead ray) throws Exception {
    // The pool stays open until the actor has exported: closing a pool kills its actors, spans not yet sent included.
    try (RayActorExecutor pool = RayActorExecutor.builder().address(ray.address()).dashboardUrl(ray.dashboardUrl()).numActors(1)
        .actorEnv(workerTelemetry("synapse-task-worker")).sink(new RecordingSink()).jobId("job-task").build()) {
      PipelineResult result = pool.execute(PipelineAction_Descriptor.INSTANCE, Map.of("epochs", 2));
      assertNotEquals(ProcessHandle.current().pid(), result.pid(), "a Ray worker ran it");
      SpanData driver = driverSpan(SpanKind.CLIENT);
      assertEquals("task", driver.getAttributes().get(SpanAttributes.MODE));
      assertEquals("driver", driver.getAttributes().get(SpanAttributes.ROLE));
      assertEquals("job-task", driver.getAttributes().get(SpanAttributes.JOB_ID));
      assertOneTrace(driver, "synapse-task-worker", Span.SpanKind.SPAN_KIND_SERVER, "task");
    }
  }

  @Test
  void aJobIsOneTraceFromTheSubmissionToTheEntrypoint(RayHead ray) throws Exception {
    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl(ray.dashboardUrl()).env(workerTelemetry("synapse-job"))
        .sink(new RecordingSink()).build();
    String id = jobs.submit(PipelineAction_Descriptor.INSTANCE, Map.of("epochs", 2)).id();
    Object result = jobs.wait(id, Duration.ofMinutes(4));
    assertEquals(3, ((PipelineResult) result).steps());
    SpanData driver = driverSpan(SpanKind.PRODUCER);
    assertEquals(id, driver.getAttributes().get(SpanAttributes.JOB_ID), "the submission's span carries the job's id");
    assertOneTrace(driver, "synapse-job", Span.SpanKind.SPAN_KIND_CONSUMER, "job");
  }
}
