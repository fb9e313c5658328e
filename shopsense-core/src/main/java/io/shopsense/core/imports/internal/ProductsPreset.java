package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The catalog in bulk: one product per CSV row or JSON line, in the catalog API's form ({@code id} or
 * {@code product_id}, {@code name}, {@code category} as a path such as {@code Outdoor/Tents}, {@code brand},
 * {@code price}, {@code cost}, {@code currency}, {@code stock}, {@code created_at}, {@code active}). In a CSV, every
 * other column becomes an attribute, and numbers and true/false are read as such. A product the catalog refuses is
 * kept in the quarantine with its row and reasons. Options: {@code separator}.
 */
public final class ProductsPreset implements ImportPreset {
  @Override
  public String id() {
    return "products";
  }

  @Override
  public String description() {
    return "Catalog: one product per CSV row or JSON line (id, name, category, brand, price, cost, stock, ...)";
  }

  @Override
  public void check(Set<String> inputs, Map<String, String> options) {
    RecordFiles.checkOptions(id(), options);
  }

  @Override
  public void read(ImportJob job, ImportContext context) throws IOException {
    RecordFiles.readAll(job, context, (fields, raw, origin, csv) ->
        context.product(csv ? fromCsv(fields) : fields, raw, origin));
  }

  /** A CSV row as a product: known fields typed, the other columns as attributes. */
  static ObjectNode fromCsv(ObjectNode row) {
    ObjectNode product = JsonCodec.mapper().createObjectNode();
    ObjectNode attributes = JsonCodec.mapper().createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      switch (f.getKey()) {
        case "id", "product_id", "name", "category", "brand", "currency", "created_at" ->
            product.set(f.getKey(), f.getValue());
        case "price", "cost", "stock", "active" -> product.set(f.getKey(), RecordFiles.typed(f.getValue()));
        default -> attributes.set(f.getKey(), RecordFiles.typed(f.getValue()));
      }
    }
    if (!attributes.isEmpty()) {
      product.set("attributes", attributes);
    }
    return product;
  }
}
