package io.synapse.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential property test between each example plugin's generated params schemas and its
 * generated binders, over {@value #DOCUMENTS_PER_PLUGIN} documents per plugin and run: valid documents
 * made from the schema and mutations of them ({@link Documents}). For every document:
 *
 * <ul>
 *   <li>the schema accepts it ⇒ the binder accepts it, and the bound params written back are the
 *       document with the schema's defaults filled in (the same values);
 *   <li>the binder accepts it but the schema does not ⇒ the document with the README's listed
 *       coercions applied ({@link WireForms#coerced}) satisfies the schema and gives the same values;
 *   <li>the binder rejects it ⇒ the schema rejects it, unless every violation is of a rule JSON Schema
 *       cannot say (the README's list: {@link #CANNOT_SAY}).
 * </ul>
 *
 * <p>Seeded: {@code -Dsynapse.fuzz.seed=<n>} replays or varies a run; a failure prints the seed and the
 * documents.
 */
class SchemaBinderAgreementTest {
  static final int DOCUMENTS_PER_PLUGIN = 12_000;
  static final long SEED = Long.getLong("synapse.fuzz.seed", 20_261_128L);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /**
   * Violations JSON Schema cannot say, by constraint and message: a path the file system refuses (a NUL
   * character), and, for the formats draft 2020-12 only annotates (email, date-time, date, duration,
   * uri), values that are not in the format.
   */
  static final Map<String, String> CANNOT_SAY = Map.of(
      "Type:is not a valid path", "a path the file system refuses",
      "Type:is not an ISO-8601", "a date, instant or duration that does not parse",
      "Type:is not a valid URI", "a URI that does not parse",
      "Email:", "an e-mail address that is not well-formed");

  /** What the documents of one plugin came to. */
  static final class Tally {
    int documents;
    int bothAccept;
    int bothReject;
    int acceptedThroughCoercion;
    int rejectedByRulesTheSchemaCannotSay;
    int boundsCheckedExactly;
    final List<String> failures = new ArrayList<>();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello_plugin", "steps_demo", "ray_demo"})
  void schemaAndBinderAgreeOnEveryDocument(String code) throws Exception {
    PluginDiscovery plugin = PluginDiscovery.fromModule(code);
    List<String> actions = plugin.listActions();
    Random random = new Random(SEED ^ code.hashCode());
    Tally tally = new Tally();
    for (String action : actions) {
      JsonNode schemaTree = JSON.readTree(plugin.getActionParamsSchema(action));
      Schema schema = SCHEMAS.getSchema(schemaTree);
      Schemas schemas = new Schemas(schemaTree);
      Documents documents = new Documents(schemas, random);
      WireForms forms = new WireForms(schemas);
      ActionDescriptor<?, ?> descriptor = plugin.descriptor(action);
      int count = DOCUMENTS_PER_PLUGIN / actions.size() + (action.equals(actions.get(0)) ? DOCUMENTS_PER_PLUGIN % actions.size() : 0);
      for (int i = 0; i < count; i++) {
        Object document = random.nextInt(10) < 4 ? documents.valid() : documents.mutated();
        check(code + " " + action + " #" + i, document, schema, schemaTree, forms, descriptor, tally);
      }
    }
    String summary = code + ": " + tally.documents + " documents: both accept " + tally.bothAccept + ", both reject " + tally.bothReject
        + ", binder accepts through a listed coercion " + tally.acceptedThroughCoercion
        + ", binder rejects by a rule the schema cannot say " + tally.rejectedByRulesTheSchemaCannotSay
        + "; numbers beyond the validator's precision checked exactly " + tally.boundsCheckedExactly + " (seed " + SEED + ")";
    System.out.println(summary);
    if (!tally.failures.isEmpty()) {
      fail(tally.failures.size() + " disagreements; " + summary + "\n" + String.join("\n", tally.failures.subList(0, Math.min(20, tally.failures.size()))));
    }
    assertTrue(tally.documents >= 10_000, summary);
    int floor = tally.documents / 20;
    assertTrue(tally.bothAccept > floor && tally.bothReject > floor && tally.acceptedThroughCoercion > floor / 5,
        "too few documents of some outcome to show anything: " + summary);
  }

  private static void check(String where, Object document, Schema schema, JsonNode schemaTree, WireForms forms,
      ActionDescriptor<?, ?> descriptor, Tally tally) {
    tally.documents++;
    boolean schemaAccepts = schema.validate(Documents.tree(document)).isEmpty();
    if (schemaAccepts && !forms.numbersWithinBounds(schemaTree, document)) {
      schemaAccepts = false;
      tally.boundsCheckedExactly++;
    }
    Object written;
    List<Violation> violations = List.of();
    try {
      written = bindAndWrite(descriptor, document);
    } catch (ValidationError e) {
      written = null;
      violations = e.violations();
    } catch (RuntimeException e) {
      tally.failures.add(where + ": the binder threw " + e + " for " + json(document));
      return;
    }
    if (schemaAccepts && written != null) {
      tally.bothAccept++;
      Object expected = forms.expected(schemaTree, document);
      if (!WireForms.same(expected, written)) {
        tally.failures.add(where + ": bound to other values than given: " + json(document) + " wrote " + json(written)
            + ", expected " + json(expected));
      }
    } else if (written != null) {
      // Params given as null are no params: the first of the listed coercions.
      Object coerced = document == null ? Map.of() : forms.coerced(schemaTree, document);
      List<Error> left = new ArrayList<>(schema.validate(Documents.tree(coerced)));
      if (!forms.numbersWithinBounds(schemaTree, coerced)) {
        left.add(null);
      }
      Object expected = forms.expected(schemaTree, coerced);
      if (!left.isEmpty()) {
        tally.failures.add(where + ": the binder accepts what the schema refuses, beyond the listed coercions: " + json(document)
            + " (coerced " + json(coerced) + ": " + left + ")");
      } else if (!WireForms.same(expected, written)) {
        tally.failures.add(where + ": coerced to other values than listed: " + json(document) + " wrote " + json(written)
            + ", expected " + json(expected));
      } else {
        tally.acceptedThroughCoercion++;
      }
    } else if (schemaAccepts) {
      List<Violation> unexplained = violations.stream().filter(v -> !cannotSay(v)).toList();
      if (unexplained.isEmpty()) {
        tally.rejectedByRulesTheSchemaCannotSay++;
      } else {
        tally.failures.add(where + ": the schema accepts what the binder refuses: " + json(document) + " " + unexplained);
      }
    } else {
      tally.bothReject++;
    }
  }

  static boolean cannotSay(Violation violation) {
    for (String rule : CANNOT_SAY.keySet()) {
      String constraint = rule.substring(0, rule.indexOf(':'));
      String message = rule.substring(rule.indexOf(':') + 1);
      if (violation.constraint().equals(constraint) && violation.message().startsWith(message)) {
        return true;
      }
    }
    return false;
  }

  private static <P extends Record> Object bindAndWrite(ActionDescriptor<P, ?> descriptor, Object document) {
    return descriptor.writeParams(descriptor.bindParams(document));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }

}
