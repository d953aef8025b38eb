package io.synapse.benchmarks;

import io.synapse.benchmarks.plugin.DepthParams;
import io.synapse.benchmarks.plugin.DepthParams_Binder;
import io.synapse.benchmarks.plugin.ListParams;
import io.synapse.benchmarks.plugin.ListParams_Binder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bind-time curves: the generated binder on a list of 10 to 100,000 records
 * ({@link ListParams}) and on a chain of records nested 1 to 64 levels deep ({@link DepthParams}).
 * JMH runs every {@code size} for {@link #list()} and every {@code depth} for {@link #depth()}; the
 * report divides by the size to show the cost per item.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CurveBenchmark {
  /** How many items the list holds. */
  @Param({"10", "100", "1000", "10000", "100000"})
  public int size;

  /** How many nodes the chain holds. */
  @Param({"1", "4", "16", "64"})
  public int depth;

  private Map<String, Object> list;
  private Map<String, Object> chain;

  /** Builds the inputs and checks that they bind to the right sizes. */
  @Setup
  public void setUp() {
    list = list(size);
    chain = chain(depth);
    if (ListParams_Binder.INSTANCE.bind(list).items().size() != size) {
      throw new IllegalStateException("list did not bind to " + size + " items");
    }
    int levels = 0;
    for (DepthParams.Node node = DepthParams_Binder.INSTANCE.bind(chain).root(); node != null; node = node.next()) {
      levels++;
    }
    if (levels != depth) {
      throw new IllegalStateException("chain bound to " + levels + " levels, not " + depth);
    }
  }

  /** Params holding {@code size} items. */
  static Map<String, Object> list(int size) {
    List<Object> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add(Map.of("id", "item-" + i, "weight", i % 100, "label", "label " + i));
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("items", items);
    return map;
  }

  /** Params holding a chain of {@code depth} nodes. */
  static Map<String, Object> chain(int depth) {
    Map<String, Object> node = null;
    for (int i = depth - 1; i >= 0; i--) {
      Map<String, Object> next = new LinkedHashMap<>();
      next.put("name", "node-" + i);
      if (node != null) {
        next.put("next", node);
      }
      node = next;
    }
    return Map.of("root", node);
  }

  /** Binds the list. */
  @Benchmark
  public ListParams list() {
    return ListParams_Binder.INSTANCE.bind(list);
  }

  /** Binds the chain. */
  @Benchmark
  public DepthParams depth() {
    return DepthParams_Binder.INSTANCE.bind(chain);
  }
}
