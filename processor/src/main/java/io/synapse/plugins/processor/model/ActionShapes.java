package io.synapse.plugins.processor.model;

import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An action's {@link ActionShape} from the model: what the pipeline rules check at compile time and what each
 * generated descriptor gives the runtime ({@code shape()}), so both see the same facts.
 */
public final class ActionShapes {
  private ActionShapes() {}

  /** The shape of {@code action}; {@code records} are every record read, by qualified name. */
  public static ActionShape of(ActionModel action, Map<String, RecordModel> records) {
    RecordModel params = records.get(action.params().qualifiedName());
    RecordModel result = action.result() instanceof FieldType.RecordType record ? records.get(record.qualifiedName()) : null;
    return ActionShape.of(action.inputType(), action.outputType(), fields(params), fields(result));
  }

  /** The components of {@code record} (none for null). */
  public static List<FieldShape> fields(RecordModel record) {
    List<FieldShape> fields = new ArrayList<>();
    if (record != null) {
      for (ParamField field : record.fields()) {
        fields.add(new FieldShape(field.wireName(), field.name(), field.required(), JsonTypes.of(field.type()), field.secret()));
      }
    }
    return fields;
  }
}
