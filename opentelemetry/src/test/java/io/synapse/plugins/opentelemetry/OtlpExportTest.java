package io.synapse.plugins.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.synapse.plugins.opentelemetry.fixture.PipelineAction;
import io.synapse.plugins.testing.ActionTester;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run's spans leave the JVM through the real OTLP/HTTP exporter and arrive whole at an OTLP receiver. */
class OtlpExportTest {

  @Test
  void spansArriveOverOtlpWithTheirAttributesAndParents() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
          .setResource(Resource.create(Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), "app")))
          .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
              .setEndpoint(receiver.endpoint() + "/v1/traces").build()).build())
          .build()).build();
      SynapseTelemetry.install(sdk);
      try {
        ActionTester.of(PipelineAction.class).jobId("job-otlp").run(Map.of("failAt", "upload")).assertFailedWith(RuntimeException.class);
        sdk.getSdkTracerProvider().forceFlush().join(30, TimeUnit.SECONDS);
      } finally {
        SynapseTelemetry.reset();
        sdk.close();
      }
      List<OtlpReceiver.ReceivedSpan> spans = receiver.await(s -> s.name().equals("synapse trace_fixture/pipeline"), Duration.ofSeconds(30));
      assertEquals(4, spans.size(), spans::toString);
      OtlpReceiver.ReceivedSpan run = spans.stream().filter(s -> s.name().equals("synapse trace_fixture/pipeline")).findFirst().orElseThrow();
      assertEquals("app", run.service());
      assertEquals("job-otlp", run.attributes().get("synapse.job_id"));
      assertEquals("local", run.attributes().get("synapse.mode"));
      assertTrue(run.error());
      assertTrue(spans.stream().filter(s -> s != run).allMatch(s -> s.traceId().equals(run.traceId()) && s.parentSpanId().equals(run.spanId())),
          "the step spans are children of the run's");
      assertTrue(spans.stream().anyMatch(s -> s.name().equals("synapse step upload") && s.error()));
    }
  }
}
