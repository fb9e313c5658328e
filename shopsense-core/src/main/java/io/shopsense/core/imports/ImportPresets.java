package io.shopsense.core.imports;

import io.shopsense.core.imports.internal.CsvPreset;
import io.shopsense.core.imports.internal.CustomersPreset;
import io.shopsense.core.imports.internal.JsonlPreset;
import io.shopsense.core.imports.internal.OlistPreset;
import io.shopsense.core.imports.internal.OnlineRetailPreset;
import io.shopsense.core.imports.internal.ProductsPreset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The known import formats and presets, by id. */
public final class ImportPresets {
  private static final Map<String, ImportPreset> BY_ID = new LinkedHashMap<>();

  static {
    for (ImportPreset p : List.of(new JsonlPreset(), new CsvPreset(), new ProductsPreset(), new CustomersPreset(),
        new OnlineRetailPreset(), new OlistPreset())) {
      BY_ID.put(p.id(), p);
    }
  }

  private ImportPresets() {}

  /**
   * The preset with this id.
   *
   * @throws IllegalArgumentException for an unknown id; the message lists the known ones
   */
  public static ImportPreset byId(String id) {
    ImportPreset preset = id == null ? null : BY_ID.get(id.strip());
    if (preset == null) {
      throw new IllegalArgumentException("unknown import preset '" + id + "'; known: " + String.join(", ", ids()));
    }
    return preset;
  }

  /** The known ids, in a stable order. */
  public static Set<String> ids() {
    return BY_ID.keySet();
  }

  public static List<ImportPreset> all() {
    return List.copyOf(BY_ID.values());
  }
}
