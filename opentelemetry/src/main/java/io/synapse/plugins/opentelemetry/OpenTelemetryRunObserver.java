package io.synapse.plugins.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.observation.RunInfo;
import io.synapse.plugins.observation.RunObserver;
import io.synapse.plugins.observation.RunScope;
import io.synapse.plugins.observation.StepScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces runs with OpenTelemetry: a span per action run ({@code synapse <plugin>/<action>}) and a child span per
 * workflow step ({@code synapse step <name>}), with the attributes of {@link SpanAttributes} (plugin, action, mode,
 * role, job id; params only when {@linkplain SynapseTelemetry.Settings#recordParams opted in}); a failed run or step
 * has status ERROR, the error recorded as an exception event (its message is the one the caller sees, secrets
 * masked) and {@code synapse.error.code}; progress (at most one event per category and tenth of the way: 0%, 10%, ..., 100%) and metrics
 * become span events.
 *
 * <p>A run this JVM executes is the current span while it runs, so the action's own spans and logs nest under it. A
 * driver's TASK call or JOB submission is a span of kind CLIENT or PRODUCER whose W3C trace context travels in the
 * remote request; the TASK actor or JOB entrypoint continues it as a span of kind SERVER or CONSUMER, so one trace
 * covers the remote run (the worker reports to the OpenTelemetry it is configured with, e.g. from {@code OTEL_*}
 * variables). Listed for {@link java.util.ServiceLoader}: having this module on the class path is enough.
 */
public final class OpenTelemetryRunObserver implements RunObserver {
  private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };
  private static final TextMapSetter<Map<String, String>> SETTER = (carrier, key, value) -> {
    if (carrier != null) {
      carrier.put(key, value);
    }
  };

  /** For {@link java.util.ServiceLoader}. */
  public OpenTelemetryRunObserver() {}

  @Override
  public RunScope runStarted(RunInfo run) {
    SynapseTelemetry.Settings settings = SynapseTelemetry.settings();
    Tracer tracer = SynapseTelemetry.openTelemetry().getTracer(SynapseTelemetry.INSTRUMENTATION_NAME);
    // The driver-to-worker carrier is this project's own protocol: always W3C trace context, whatever the
    // application configured for its HTTP propagation.
    Context parent = run.carried().isEmpty() ? Context.current()
        : W3CTraceContextPropagator.getInstance().extract(Context.root(), run.carried(), GETTER);
    Span span = tracer.spanBuilder("synapse " + (run.plugin() == null ? "" : run.plugin() + "/") + run.action())
        .setParent(parent)
        .setSpanKind(kindOf(run))
        .setAllAttributes(SpanAttributes.of(run, settings.recordParams()))
        .startSpan();
    return run.role() == RunInfo.Role.EXECUTOR ? new ExecutingRun(tracer, span) : new DrivenRun(span);
  }

  private static SpanKind kindOf(RunInfo run) {
    boolean remote = run.mode() != ExecutionMode.LOCAL;
    if (run.role() == RunInfo.Role.DRIVER) {
      return run.mode() == ExecutionMode.JOB ? SpanKind.PRODUCER : SpanKind.CLIENT;
    }
    if (!remote) {
      return SpanKind.INTERNAL;
    }
    return run.mode() == ExecutionMode.JOB ? SpanKind.CONSUMER : SpanKind.SERVER;
  }

  static void end(Span span, Throwable failure) {
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
      span.recordException(failure);
      if (failure instanceof PluginError error) {
        span.setAttribute(SpanAttributes.ERROR_CODE, error.code());
      }
    }
    span.end();
  }

  /** A driver's run: a span that is never current here and whose context goes into the request. */
  private static final class DrivenRun implements RunScope {
    private final Span span;

    DrivenRun(Span span) {
      this.span = span;
    }

    @Override
    public void propagate(Map<String, String> carrier) {
      W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, SETTER);
    }

    @Override
    public void finished(Throwable failure) {
      end(span, failure);
    }
  }

  /** A run this JVM executes: its span is current on the run's thread until it ends. */
  private static final class ExecutingRun implements RunScope {
    private final Tracer tracer;
    private final Span span;
    private final Scope scope;
    private final Map<String, Long> lastPercent = new ConcurrentHashMap<>();

    ExecutingRun(Tracer tracer, Span span) {
      this.tracer = tracer;
      this.span = span;
      this.scope = span.makeCurrent();
    }

    @Override
    public StepScope stepStarted(String step) {
      Span stepSpan = tracer.spanBuilder("synapse step " + step)
          .setParent(Context.current().with(span))
          .setAttribute(SpanAttributes.STEP, step)
          .startSpan();
      Scope stepScope = stepSpan.makeCurrent();
      return failure -> {
        stepScope.close();
        end(stepSpan, failure);
      };
    }

    @Override
    public void event(PluginEvent event) {
      if (event.type() == EventType.PROGRESS && event.progress() != null) {
        String category = event.category() == null ? "" : event.category();
        long tenth = (long) Math.floor(event.progress().percent() / 10);
        Long previous = lastPercent.put(category, tenth);
        if (previous == null || tenth > previous) {
          span.addEvent(SpanAttributes.PROGRESS_EVENT, SpanAttributes.progress(event));
        }
      } else if (event.type() == EventType.METRICS) {
        span.addEvent(SpanAttributes.METRICS_EVENT, SpanAttributes.metrics(event));
      }
    }

    @Override
    public void propagate(Map<String, String> carrier) {
      W3CTraceContextPropagator.getInstance().inject(Context.current().with(span), carrier, SETTER);
    }

    @Override
    public void finished(Throwable failure) {
      scope.close();
      end(span, failure);
    }
  }
}
