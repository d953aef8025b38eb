package io.synapse.benchmarks.baseline;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.synapse.plugins.action.ActionAccess;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.events.EventSink;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The baseline runner: the steps of {@code PluginRunner.runPlugin} LOCAL done the way a Java team
 * would without generated code. Discovery scans the plugin's package with ClassGraph for
 * {@code @PluginAction} classes (once per package, cached like the real runner's plugins); each run
 * finds the class with {@code Class.forName}, reads its params type from the generic superclass,
 * binds with Jackson and validates with Hibernate Validator, constructs the action through its
 * constructor reflectively, and runs it with the same kind of context and sink.
 */
public final class ReflectiveRunner {
  private static final String ACTION_ANNOTATION = "io.synapse.plugins.PluginAction";
  private static final ConcurrentMap<String, Map<String, String>> PLUGINS = new ConcurrentHashMap<>();

  private ReflectiveRunner() {}

  /** Runs {@code action} of the plugin in package {@code pluginPackage} with {@code params}. */
  public static Object run(String pluginPackage, String action, Map<String, ?> params, EventSink sink) throws Exception {
    Map<String, String> actions = PLUGINS.computeIfAbsent(pluginPackage, ReflectiveRunner::scan);
    String className = actions.get(action);
    if (className == null) {
      throw new IllegalArgumentException("No action '" + action + "' in " + pluginPackage + "; available: " + actions.keySet());
    }
    Class<?> type = Class.forName(className, true, ReflectiveRunner.class.getClassLoader());
    Class<? extends Record> paramsType = paramsTypeOf(type);
    Record bound = ReflectiveBinder.bind(params, paramsType);
    BaseAction<Record, ?> instance = newAction(type);
    RuntimeContext context = RuntimeContext.builder(action)
        .pluginCode(pluginPackage)
        .env(PluginEnvironment.empty())
        .sink(sink)
        .build();
    ActionAccess.initialize(instance, bound, context);
    try {
      return instance.execute();
    } finally {
      sink.flush();
    }
  }

  /** The action names and class names found by scanning {@code pluginPackage}. */
  public static Map<String, String> scan(String pluginPackage) {
    Map<String, String> actions = new TreeMap<>();
    try (ScanResult result = new ClassGraph().enableClassInfo().enableAnnotationInfo().acceptPackages(pluginPackage).scan()) {
      for (ClassInfo info : result.getClassesWithAnnotation(ACTION_ANNOTATION)) {
        AnnotationInfo annotation = info.getAnnotationInfo(ACTION_ANNOTATION);
        actions.put((String) annotation.getParameterValues().getValue("name"), info.getName());
      }
    }
    return actions;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Record> paramsTypeOf(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      Type superType = current.getGenericSuperclass();
      if (superType instanceof ParameterizedType parameterized && parameterized.getRawType() == BaseAction.class) {
        return (Class<? extends Record>) parameterized.getActualTypeArguments()[0];
      }
    }
    throw new IllegalArgumentException(type + " does not extend BaseAction");
  }

  @SuppressWarnings("unchecked")
  private static BaseAction<Record, ?> newAction(Class<?> type) throws ReflectiveOperationException {
    return (BaseAction<Record, ?>) type.getDeclaredConstructor().newInstance();
  }
}
