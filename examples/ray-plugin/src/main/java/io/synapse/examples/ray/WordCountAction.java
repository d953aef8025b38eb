package io.synapse.examples.ray;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts words per line, reporting progress per line. */
@PluginAction(name = "word-count", title = "Count Words", method = RunMethod.TASK)
public final class WordCountAction extends BaseAction<WordCountParams, WordCount> {

  @Override
  public WordCount execute() {
    Map<String, Integer> counts = new TreeMap<>();
    int total = 0;
    int line = 0;
    for (String text : params().lines()) {
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (word.length() >= params().minLength()) {
          counts.merge(word, 1, Integer::sum);
          total++;
        }
      }
      setProgress(++line, params().lines().size());
    }
    setMetrics(Map.of("words", total, "distinct", counts.size()), "word-count");
    return new WordCount(counts, total);
  }
}
