package io.synapse.plugins.spi;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.errors.ValidationError;
import java.util.Map;
import java.util.Objects;

/**
 * The part of every generated {@code <Action>_Descriptor} that is the same for all actions: binding and
 * writing params through the params record's binder, and reading and writing results. A generated
 * descriptor passes its facts to the constructor and adds {@link #config()} and {@link #newAction()}
 * (and {@link #secretValues} when its params hold {@code @Secret} components). Kept here rather than
 * repeated in each descriptor because javac's cost grows with every line it compiles.
 *
 * @param <P> the params record
 * @param <R> the result type
 */
public abstract class GeneratedActionDescriptor<P extends Record, R> implements ActionDescriptor<P, R> {
  private final String pluginCode;
  private final Class<? extends BaseAction<P, R>> actionClass;
  private final Class<P> paramsType;
  private final RecordBinder<P> paramsBinder;
  private final RecordWriter<P> paramsWriter;
  private final ValueReader<R> resultReader;
  private final ValueWriter<? super R> resultWriter;
  private final String paramsSubject;
  private final String resultSubject;

  /**
   * A descriptor of action {@code actionName} of plugin {@code pluginCode}.
   *
   * @param paramsBinder the params record's generated binder, which is also its writer
   * @param resultReader reads the result back from its JSON-like form; null for a {@code Void} result
   * @param resultWriter writes the result as a JSON-like value; null for a {@code Void} result
   */
  protected <B extends RecordBinder<P> & RecordWriter<P>> GeneratedActionDescriptor(
      String pluginCode,
      String actionName,
      Class<? extends BaseAction<P, R>> actionClass,
      Class<P> paramsType,
      B paramsBinder,
      ValueReader<R> resultReader,
      ValueWriter<? super R> resultWriter) {
    this.pluginCode = Objects.requireNonNull(pluginCode, "pluginCode");
    this.actionClass = Objects.requireNonNull(actionClass, "actionClass");
    this.paramsType = Objects.requireNonNull(paramsType, "paramsType");
    this.paramsBinder = Objects.requireNonNull(paramsBinder, "paramsBinder");
    this.paramsWriter = paramsBinder;
    this.resultReader = resultReader;
    this.resultWriter = resultWriter;
    this.paramsSubject = "params of action '" + actionName + "'";
    this.resultSubject = "result of action '" + actionName + "'";
  }

  @Override
  public final String pluginCode() {
    return pluginCode;
  }

  @Override
  public final Class<? extends BaseAction<P, R>> actionClass() {
    return actionClass;
  }

  @Override
  public final Class<P> paramsType() {
    return paramsType;
  }

  @Override
  public final P bindParams(Object params) {
    return bindParams(params, null);
  }

  @Override
  public final P bindParams(Object params, java.nio.file.Path pathBase) {
    try {
      return paramsBinder.bind(params, pathBase);
    } catch (ValidationError e) {
      throw e.withSubject(paramsSubject);
    }
  }

  @Override
  public final Map<String, Object> writeParams(P params) {
    return paramsWriter.write(params);
  }

  @Override
  public final Object writeResult(R result) {
    return resultWriter == null ? null : resultWriter.write(result);
  }

  @Override
  public final R readResult(Object value) {
    if (resultReader == null) {
      return null;
    }
    Violations violations = new Violations();
    R read = resultReader.read(value, "", violations);
    violations.throwIfAny(resultSubject);
    return read;
  }
}
