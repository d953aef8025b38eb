package io.synapse.plugins.executors.ray;

import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.RecordingSink;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.internal.Json;
import io.synapse.plugins.spi.ActionDescriptor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Ray actor behind the TASK backend. It stays warm between calls: plugins it found are cached.
 * Its methods take and return JSON strings and never throw: every failure comes back in the response
 * envelope ({@link TaskMessages}) and becomes the same typed error as a LOCAL run on the driver.
 *
 * <p>Public with a public constructor only because Ray constructs it on the worker.
 */
public final class PluginActor {
  private final ClassLoader loader;
  private final ConcurrentMap<String, PluginDiscovery> plugins = new ConcurrentHashMap<>();

  /**
   * An actor that finds plugins on the worker's class path (the job's code search path) plus the
   * jars and directories listed in {@code pluginClassPathJson} (a JSON array of paths; may be empty).
   */
  public PluginActor(String pluginClassPathJson) {
    List<?> entries = (List<?>) Json.parse(pluginClassPathJson);
    ClassLoader parent = PluginActor.class.getClassLoader();
    if (entries.isEmpty()) {
      this.loader = parent;
    } else {
      URL[] urls = new URL[entries.size()];
      for (int i = 0; i < urls.length; i++) {
        try {
          urls[i] = Path.of(String.valueOf(entries.get(i))).toUri().toURL();
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("bad plugin class path entry " + entries.get(i), e);
        }
      }
      this.loader = new URLClassLoader("synapse-actor-plugins", urls, parent);
    }
  }

  /** Runs one request (see {@link TaskMessages}); never throws. */
  public String run(String requestJson) {
    RecordingSink events = new RecordingSink();
    try {
      Map<?, ?> request = TaskMessages.asMap(Json.parse(requestJson));
      String code = String.valueOf(request.get("plugin"));
      PluginDiscovery plugin = plugins.computeIfAbsent(code, c -> PluginDiscovery.fromModule(c, loader));
      ActionDescriptor<?, ?> action = plugin.descriptor(String.valueOf(request.get("action")));
      Map<String, String> env = new LinkedHashMap<>();
      if (request.get("env") instanceof Map<?, ?> given) {
        given.forEach((key, value) -> env.put(String.valueOf(key), String.valueOf(value)));
      }
      Object jobId = request.get("job_id");
      LocalExecutor executor = LocalExecutor.builder()
          .env(PluginEnvironment.of(env))
          .jobId(jobId == null ? null : String.valueOf(jobId))
          .sink(events)
          .build();
      return TaskMessages.success(runAndWrite(executor, action, request.get("params")), events.events());
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return TaskMessages.failure(e, events.events());
    }
  }

  /** The worker's process id, as JSON ({@code {"pid": n}}): a cheap health check. */
  public String ping() {
    return Json.write(Map.of("pid", ProcessHandle.current().pid()));
  }

  private static <P extends Record, R> Object runAndWrite(LocalExecutor executor, ActionDescriptor<P, R> action, Object params) {
    @SuppressWarnings("unchecked")
    Map<String, ?> input = params == null ? Map.of() : (Map<String, ?>) TaskMessages.asMap(params);
    R result = executor.execute(action, input);
    return action.writeResult(result);
  }
}
