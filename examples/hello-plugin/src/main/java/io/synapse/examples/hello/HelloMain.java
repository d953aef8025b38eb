package io.synapse.examples.hello;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.errors.PluginError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the process action locally through {@link PluginRunner#runPlugin}, with params given as
 * {@code key=value} arguments (snake_case, as the platform names them; the Java names work too), and
 * prints the typed result.
 *
 * <pre>java -jar examples/hello-plugin/target/hello-plugin.jar input_path=/data/in.csv batch_size=64</pre>
 */
public final class HelloMain {
  private HelloMain() {}

  /** Entry point; exits with 2 on invalid params or another plugin error. */
  public static void main(String[] args) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("input_path", "/data/input.csv");
    params.put("output_path", "/data/output.csv");
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals <= 0) {
        System.err.println("Arguments are key=value params, e.g. input_path=/data/in.csv; got: " + arg);
        System.exit(2);
      }
      params.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    try {
      Object result = PluginRunner.runPlugin("hello_plugin", "process", params);
      System.out.println("Result: " + PluginRunner.writeResult("hello_plugin", "process", result));
    } catch (PluginError e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }
}
