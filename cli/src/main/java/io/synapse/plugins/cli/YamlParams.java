package io.synapse.plugins.cli;

import io.synapse.plugins.errors.Violation;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * A params YAML document read from the parser's events, as YAML 1.2 with its core schema: an unquoted
 * {@code ~}, {@code null} or nothing is null; {@code true}/{@code false} (in three spellings) are
 * booleans; decimal integers, {@code 0x} hexadecimal and decimals are numbers (decimals exact);
 * everything else, {@code yes}, {@code on}, {@code 2024-01-01} and {@code 09:30} included, is
 * text. What would change meaning silently is refused:
 *
 * <ul>
 *   <li>as a whole (a usage error): a second document, a {@code %YAML} or {@code %TAG} directive,
 *       syntax errors, nesting deeper than {@value ParamsText#MAX_DEPTH} levels, numbers over 1,000 digits;
 *   <li>as a violation at its path (all listed in one {@code ValidationError}): anchors and aliases
 *       ({@code YamlAnchor}, {@code YamlAlias}; never expanded, so no "billion laughs"), tags such as
 *       {@code !!str} or {@code !custom} ({@code YamlTag}), merge keys {@code <<}
 *       ({@code YamlMergeKey}), keys that are not text, such as {@code 1:}, {@code true:},
 *       {@code null:} or a list ({@code NonStringKey}; quote them), keys given twice
 *       ({@code DuplicateKey}), {@code .inf} and {@code .nan} ({@code SpecialFloat}), and unquoted
 *       numbers that YAML 1.1 (PyYAML, which the Python SDK uses) reads as another value than YAML 1.2
 *       does ({@code AmbiguousNumber}): leading zeros ({@code 0755}: 493 in 1.1), {@code 0o17},
 *       {@code 0b101}, signed hexadecimal, digits with underscores ({@code 1_000}) and sexagesimal
 *       numbers ({@code 1:20}, {@code 12:30}: 750 in 1.1). Quote any of these to mean text.
 * </ul>
 */
final class YamlParams {
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  // What YAML 1.1 (PyYAML's resolver) reads as a number, and the part of it YAML 1.2 reads as the same
  // number; a plain scalar in the first and not the second is ambiguous, as are leading-zero integers
  // and 0o octal (octal-looking, whichever YAML reads them).
  private static final Pattern YAML11_NUMBER = Pattern.compile(String.join("|",
      "[-+]?0b[0-1_]+", "[-+]?0[0-7_]+", "[-+]?(?:0|[1-9][0-9_]*)", "[-+]?0x[0-9a-fA-F_]+", "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
      "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?", "\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",
      "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"));
  private static final Pattern SAME_IN_YAML12 = Pattern.compile(String.join("|",
      "[-+]?(?:0|[1-9][0-9]*)", "0x[0-9a-fA-F]+", "[-+]?[0-9]+\\.[0-9]*(?:[eE][-+][0-9]+)?", "\\.[0-9]+(?:[eE][-+][0-9]+)?"));
  private static final Pattern OCTAL_LOOKING = Pattern.compile("[-+]?0[0-9]+|0o[0-7]+");
  private static final int MAX_NUMBER_DIGITS = 1_000;

  private final Iterator<Event> events;
  private final String what;
  private final List<Violation> violations;

  private YamlParams(Iterator<Event> events, String what, List<Violation> violations) {
    this.events = events;
    this.what = what;
    this.violations = violations;
  }

  /** The document in {@code text}, or null when it holds none; violations are added to {@code violations}. */
  static Object read(String text, String what, List<Violation> violations) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(ParamsText.MAX_BYTES);
    options.setNestingDepthLimit(ParamsText.MAX_DEPTH + 10);
    try {
      Iterator<Event> events = new Yaml(options).parse(new StringReader(text)).iterator();
      return new YamlParams(events, what, violations).stream();
    } catch (MarkedYAMLException e) {
      throw CliException.usage(what + " is not valid YAML" + at(e.getProblemMark()) + ": " + safeProblem(e.getProblem()));
    } catch (YAMLException e) {
      throw CliException.usage(what + " is not valid YAML: " + safeProblem(e.getMessage()));
    }
  }

  private Object stream() {
    expect(Event.ID.StreamStart);
    Event first = events.next();
    if (first.is(Event.ID.StreamEnd)) {
      return null;
    }
    DocumentStartEvent document = (DocumentStartEvent) first;
    if (document.getVersion() != null || document.getTags() != null && !document.getTags().isEmpty()) {
      throw CliException.usage(what + " has a %YAML or %TAG directive" + at(document.getStartMark())
          + "; params are read as YAML 1.2 without directives: remove it");
    }
    Object value = node(events.next(), "", 0);
    expect(Event.ID.DocumentEnd);
    Event next = events.next();
    if (!next.is(Event.ID.StreamEnd)) {
      throw CliException.usage(what + " holds more than one YAML document (another starts" + at(next.getStartMark())
          + "); params are one document: remove the extra '---' and what follows, or merge them");
    }
    return value;
  }

  // One mapping or sequence being read: what it holds so far and, for a mapping, the key whose value is next.
  private static final class Frame {
    final String path;
    final Map<String, Object> map;
    final List<Object> list;
    final Map<String, Integer> keyLines = new HashMap<>();
    boolean keyRead;
    String key;
    String keyPath;
    int keyLine;

    Frame(String path, boolean mapping) {
      this.path = path;
      this.map = mapping ? new LinkedHashMap<>() : null;
      this.list = mapping ? null : new ArrayList<>();
    }

    Object value() {
      return map != null ? map : list;
    }

    String childPath() {
      return map != null ? keyPath : ParamsText.index(path, list.size());
    }
  }

  // The document's root node, read without recursion (so no depth of input can overflow the stack).
  private Object node(Event first, String rootPath, int rootDepth) {
    java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
    Event event = first;
    while (true) {
      Frame top = stack.peek();
      if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
        stack.pop();
        Object done = top.value();
        if (stack.isEmpty()) {
          return done;
        }
        add(stack.peek(), done);
      } else if (top != null && top.map != null && !top.keyRead) {
        readKey(top, event, stack.size());
      } else {
        String path = top == null ? rootPath : top.childPath();
        if (startsNode(event, path)) {
          if (stack.size() + rootDepth >= ParamsText.MAX_DEPTH) {
            throw CliException.usage(what + " is nested deeper than " + ParamsText.MAX_DEPTH + " levels" + at(event.getStartMark()));
          }
          stack.push(new Frame(path, event instanceof MappingStartEvent));
        } else {
          Object value = event instanceof ScalarEvent scalar ? scalar(scalar, path, line(event.getStartMark())) : null;
          if (top == null) {
            return value;
          }
          add(top, value);
        }
      }
      event = events.next();
    }
  }

  // Checks a node's anchor, tag or alias; true when it starts a mapping or sequence.
  private boolean startsNode(Event event, String path) {
    int line = line(event.getStartMark());
    if (event instanceof AliasEvent) {
      violations.add(ParamsText.violation(path, "is an alias (*): anchors and aliases are not supported in params; write the value out",
          "YamlAlias", line));
      return false;
    }
    NodeEvent node = (NodeEvent) event;
    if (node.getAnchor() != null) {
      violations.add(ParamsText.violation(path, "defines an anchor (&): anchors and aliases are not supported in params",
          "YamlAnchor", line));
    }
    String tag = event instanceof ScalarEvent scalar ? scalar.getTag() : ((CollectionStartEvent) event).getTag();
    if (tag != null) {
      violations.add(ParamsText.violation(path, "has a YAML tag (" + shortTag(tag) + "): tags are not supported in params;"
          + " quote the value to mean text", "YamlTag", line));
    }
    return event instanceof CollectionStartEvent;
  }

  private void add(Frame frame, Object value) {
    if (frame.list != null) {
      frame.list.add(value);
      return;
    }
    frame.keyRead = false;
    if (frame.key == null) {
      return;
    }
    Integer first = frame.keyLines.putIfAbsent(frame.key, frame.keyLine);
    if (first != null) {
      violations.add(ParamsText.violation(frame.keyPath, ParamsText.duplicateMessage(first), "DuplicateKey", frame.keyLine));
    } else {
      frame.map.put(frame.key, value);
    }
  }

  // Reads a mapping's key: its text, or null (with a violation) when it is not text.
  private void readKey(Frame frame, Event event, int depth) {
    int line = line(event.getStartMark());
    frame.keyRead = true;
    frame.keyLine = line;
    frame.key = null;
    if (!(event instanceof ScalarEvent scalar)) {
      frame.keyPath = ParamsText.child(frame.path, "(key on line " + line + ")");
      violations.add(ParamsText.violation(frame.keyPath, "is a key that is a list, a mapping or an alias; keys are text",
          "NonStringKey", line));
      skip(event, depth);
      return;
    }
    String text = scalar.getValue();
    frame.keyPath = ParamsText.child(frame.path, text);
    if (scalar.getAnchor() != null || scalar.getTag() != null) {
      violations.add(ParamsText.violation(frame.keyPath, "is a key with an anchor or tag; keys are plain text", "NonStringKey", line));
      return;
    }
    if (scalar.isPlain()) {
      if (text.equals("<<")) {
        violations.add(ParamsText.violation(frame.keyPath, "is a merge key (<<): merge keys are not supported in params;"
            + " write the keys out", "YamlMergeKey", line));
        return;
      }
      String kind = NULL.matcher(text).matches() ? "null" : BOOLEAN.matcher(text).matches() ? "a boolean"
          : INTEGER.matcher(text).matches() || HEX.matcher(text).matches() || DECIMAL.matcher(text).matches()
              || SPECIAL_FLOAT.matcher(text).matches() || ambiguous(text) ? "a number" : null;
      if (kind != null) {
        violations.add(ParamsText.violation(frame.keyPath, "is a key that YAML reads as " + kind + ", not text; quote it ('"
            + text + "') to use it as a name", "NonStringKey", line));
        return;
      }
    }
    ParamsText.checkText(text, frame.keyPath, line, violations, "the key");
    frame.key = text;
  }

  private Object scalar(ScalarEvent scalar, String path, int line) {
    String text = scalar.getValue();
    if (!scalar.isPlain() || scalar.getTag() != null) {
      ParamsText.checkText(text, path, line, violations, "the value");
      return text;
    }
    if (NULL.matcher(text).matches()) {
      return null;
    }
    if (BOOLEAN.matcher(text).matches()) {
      return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
    }
    if (SPECIAL_FLOAT.matcher(text).matches()) {
      violations.add(ParamsText.violation(path, "is YAML's infinity or NaN; params take finite numbers (quote it to mean text)",
          "SpecialFloat", line));
      return null;
    }
    if (ambiguous(text)) {
      violations.add(ParamsText.violation(path, "is a number YAML 1.1 (PyYAML, the Python SDK) and YAML 1.2 read differently"
          + " (leading zeros, 0o, 0b, a sign before 0x, underscores or a:b:c); write it as a plain decimal, or quote it to mean text",
          "AmbiguousNumber", line));
      return null;
    }
    if (INTEGER.matcher(text).matches()) {
      checkDigits(text, line);
      BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
      return value.bitLength() < 32 ? (Object) value.intValue() : value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
    if (HEX.matcher(text).matches()) {
      checkDigits(text, line);
      BigInteger value = new BigInteger(text.substring(2), 16);
      return value.bitLength() < 32 ? (Object) value.intValue() : value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
    if (DECIMAL.matcher(text).matches()) {
      checkDigits(text, line);
      return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }
    ParamsText.checkText(text, path, line, violations, "the value");
    return text;
  }

  private static boolean ambiguous(String plain) {
    return OCTAL_LOOKING.matcher(plain).matches() || YAML11_NUMBER.matcher(plain).matches() && !SAME_IN_YAML12.matcher(plain).matches();
  }

  private void checkDigits(String number, int line) {
    if (number.length() > MAX_NUMBER_DIGITS) {
      throw CliException.usage(what + " is not valid params (line " + line + "): a number longer than " + MAX_NUMBER_DIGITS + " digits");
    }
  }

  // Consumes the rest of a node whose start event was read.
  private void skip(Event start, int depth) {
    if (!(start instanceof CollectionStartEvent)) {
      return;
    }
    int open = 1;
    while (open > 0) {
      Event next = events.next();
      if (next instanceof CollectionStartEvent) {
        open++;
        if (depth + open > ParamsText.MAX_DEPTH) {
          throw CliException.usage(what + " is nested deeper than " + ParamsText.MAX_DEPTH + " levels" + at(next.getStartMark()));
        }
      } else if (next.is(Event.ID.MappingEnd) || next.is(Event.ID.SequenceEnd)) {
        open--;
      }
    }
  }

  private void expect(Event.ID id) {
    Event event = events.next();
    if (!event.is(id)) {
      throw CliException.usage(what + " is not valid YAML" + at(event.getStartMark()) + ": expected " + id + ", found " + event.getEventId());
    }
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
  }

  private static int line(Mark mark) {
    return mark == null ? 0 : mark.getLine() + 1;
  }

  private static String at(Mark mark) {
    return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
  }

  // SnakeYAML's problems name the construct ("could not find expected ':'"), not the text; keep only
  // the known, text-free ones.
  private static String safeProblem(String problem) {
    if (problem == null) {
      return "unexpected text";
    }
    if (problem.contains("special characters are not allowed")) {
      return "a control character is not allowed in YAML text";
    }
    if (problem.contains("Nesting Depth") || problem.contains("nesting depth")) {
      return "nested deeper than " + ParamsText.MAX_DEPTH + " levels";
    }
    if (problem.contains("code point") || problem.contains("exceeds the limit")) {
      return "the document is over the size limit";
    }
    return problem.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
  }
}
