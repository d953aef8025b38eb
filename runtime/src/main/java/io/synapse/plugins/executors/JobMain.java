package io.synapse.plugins.executors;

import io.synapse.plugins.context.JsonLinesSink;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.Redactor;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.internal.Json;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entrypoint of a JOB-mode run: the JVM a Ray Job starts on a cluster node,
 * {@code java <flags> -cp <jars of the job's working dir> io.synapse.plugins.executors.JobMain <request file>}.
 * It is the same class for every plugin: the plugin is found by its generated registry on the class path.
 *
 * <p><b>Request file</b> (UTF-8 JSON, found as given or in a directory of {@code PYTHONPATH}, where Ray
 * unpacks a job's {@code py_modules}):
 * <pre>
 * {"format": "synapse-job-request/1", "marker": "...", "plugin": code, "action": name,
 *  "params": {...}, "env": {...}, "job_id": id|null}
 * </pre>
 * <p><b>Output</b> on standard output: the action's events as JSON Lines ({@link JsonLinesSink}'s format,
 * secrets hidden), then {@value #RESULT_BEGIN}{@code <marker>}, one line of JSON with the result envelope
 * and {@value #RESULT_END}{@code <marker>}. The envelope is {@code {"ok": true, "result": value, "events": [],
 * "pid": n}} or {@code {"ok": false, "error": {"code", "message", "details", "exception",
 * "exception_message", "stack"}, "events": [], "pid": n}}, the same as the TASK backend's replies, so the
 * driver rebuilds the same typed result or error. The exit status is 0 on success, 1 when the action or
 * its params failed, 2 when the request itself could not be read (no envelope then).
 */
public final class JobMain {
  /** Starts the line before the result envelope; the request's marker follows it. */
  public static final String RESULT_BEGIN = "@@synapse-job-result-begin ";
  /** Starts the line after the result envelope; the request's marker follows it. */
  public static final String RESULT_END = "@@synapse-job-result-end ";
  /** The {@code format} of request files this class reads. */
  public static final String REQUEST_FORMAT = "synapse-job-request/1";

  private JobMain() {}

  /** Runs the request file {@code args[0]} and exits with its status. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(out);
    int status;
    try {
      status = run(args, out);
    } catch (RuntimeException | LinkageError e) {
      System.err.println("synapse job: cannot run the request: " + e);
      status = 2;
    }
    out.flush();
    System.exit(status);
  }

  private static int run(String[] args, PrintStream out) {
    if (args.length != 1) {
      System.err.println("usage: java -cp <class path> " + JobMain.class.getName() + " <request file>");
      return 2;
    }
    Map<?, ?> request = readRequest(args[0]);
    if (!REQUEST_FORMAT.equals(request.get("format"))) {
      System.err.println("synapse job: unsupported request format " + request.get("format") + " (expected " + REQUEST_FORMAT + ")");
      return 2;
    }
    String marker = String.valueOf(request.get("marker"));
    Map<String, String> env = new LinkedHashMap<>();
    if (request.get("env") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> env.put(String.valueOf(key), String.valueOf(value)));
    }
    PluginEnvironment environment = PluginEnvironment.of(env);
    Redactor redactor = Redactor.builder().environment(environment).build();
    String envelope;
    boolean ok;
    try (JsonLinesSink events = new JsonLinesSink(out)) {
      String code = String.valueOf(request.get("plugin"));
      PluginDiscovery plugin = PluginDiscovery.fromModule(code, JobMain.class.getClassLoader());
      ActionDescriptor<?, ?> action = plugin.descriptor(String.valueOf(request.get("action")));
      Object jobId = request.get("job_id");
      LocalExecutor executor = LocalExecutor.builder()
          .env(environment)
          .jobId(jobId == null ? null : String.valueOf(jobId))
          .sink(events)
          .build();
      Object params = request.get("params");
      envelope = runAction(executor, action, params instanceof Map<?, ?> map ? map : Map.of());
      ok = true;
    } catch (PluginError e) {
      envelope = failure(e, redactor);
      ok = false;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      envelope = failure(e, redactor);
      ok = false;
    }
    out.println();
    out.println(RESULT_BEGIN + marker);
    out.println(envelope);
    out.println(RESULT_END + marker);
    out.flush();
    return ok ? 0 : 1;
  }

  private static <P extends Record, R> String runAction(LocalExecutor executor, ActionDescriptor<P, R> action,
      Map<?, ?> params) {
    P bound = action.bindParams(params);
    try {
      R result = executor.execute(action, bound);
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("ok", true);
      response.put("result", action.writeResult(result));
      response.put("events", List.of());
      response.put("pid", ProcessHandle.current().pid());
      return Json.write(response);
    } catch (RuntimeException | Error e) {
      // The action's own secrets are known only now that its params are bound.
      Redactor redactor = Redactor.builder()
          .secretValues(action.secretValues(bound)).build();
      throw new SecretsHidden(e, redactor);
    }
  }

  private static Map<?, ?> readRequest(String name) {
    Path file = locate(name);
    try {
      Object parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (parsed instanceof Map<?, ?> map) {
        return map;
      }
      throw new IllegalArgumentException("request file " + file + " does not hold a JSON object");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read request file " + file + ": " + e, e);
    }
  }

  /** The request file as given, else in one of the {@code PYTHONPATH} directories (the job's py_modules). */
  private static Path locate(String name) {
    Path given = Path.of(name);
    if (Files.isRegularFile(given)) {
      return given;
    }
    String pythonPath = System.getenv("PYTHONPATH");
    if (pythonPath != null) {
      for (String entry : pythonPath.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          Path candidate = Path.of(entry).resolve(name);
          if (Files.isRegularFile(candidate)) {
            return candidate;
          }
        }
      }
    }
    throw new IllegalStateException("request file " + name + " is neither in " + Path.of("").toAbsolutePath()
        + " nor in a PYTHONPATH directory (" + pythonPath + ")");
  }

  private static String failure(Throwable thrown, Redactor envSecrets) {
    Throwable error = thrown;
    Redactor paramSecrets = Redactor.none();
    if (thrown instanceof SecretsHidden hidden) {
      error = hidden.getCause();
      paramSecrets = hidden.paramSecrets;
    }
    Map<String, Object> failure = new LinkedHashMap<>();
    Throwable cause;
    if (error instanceof PluginError pluginError) {
      failure.put("code", pluginError.code());
      failure.put("message", redact(pluginError.getMessage(), paramSecrets, envSecrets));
      failure.put("details", paramSecrets.redactValue(envSecrets.redactValue(io.synapse.plugins.spi.Writers.ANY.write(pluginError.details()))));
      cause = pluginError instanceof ExecutionError ? pluginError.getCause() : null;
    } else {
      failure.put("code", "execution_error");
      failure.put("message", redact("The job failed: " + error, paramSecrets, envSecrets));
      failure.put("details", Map.of());
      cause = error;
    }
    if (cause != null) {
      failure.put("exception", io.synapse.plugins.internal.RedactedException.classNameOf(cause));
      failure.put("exception_message", redact(cause.getMessage(), paramSecrets, envSecrets));
      failure.put("stack", redact(stackText(cause), paramSecrets, envSecrets));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("ok", false);
    response.put("error", failure);
    response.put("events", List.of());
    response.put("pid", ProcessHandle.current().pid());
    return Json.write(response);
  }

  private static String redact(String text, Redactor first, Redactor second) {
    return second.redact(first.redact(text));
  }

  private static String stackText(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    String stack = text.toString();
    return stack.length() > 20_000 ? stack.substring(0, 20_000) + "\n\t... (truncated)" : stack;
  }

  /** Carries a failure out of the typed part together with the secrets of the params it was run with. */
  private static final class SecretsHidden extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Redactor paramSecrets;

    SecretsHidden(Throwable cause, Redactor paramSecrets) {
      super(null, cause, false, false);
      this.paramSecrets = paramSecrets;
    }
  }
}
