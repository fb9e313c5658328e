package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.ImportContext;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportPreset;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Customer traits in bulk: one customer per CSV row or JSON line, with the shop's user id in {@code user_id} (or
 * {@code userId}, {@code customer_id}) and any other field a trait ({@code email}, {@code first_name}, {@code city},
 * {@code member_level}, ...). Each becomes an {@code identify} call through the ingest path — the event log stays the
 * one source of truth, and identity resolution links e-mails and merges as for live events. An optional
 * {@code updated_at} (ISO-8601 with offset) is the time the traits held; without it, the time of the import. A row
 * without a user id, or whose traits the validator refuses (a malformed e-mail), is kept in the quarantine with its
 * reason. Options: {@code separator}.
 */
public final class CustomersPreset implements ImportPreset {
  private static final Set<String> USER_ID = Set.of("user_id", "userId", "customer_id");

  @Override
  public String id() {
    return "customers";
  }

  @Override
  public String description() {
    return "Customer traits: one customer per CSV row or JSON line (user_id plus traits) -> identify";
  }

  @Override
  public void check(Set<String> inputs, Map<String, String> options) {
    RecordFiles.checkOptions(id(), options);
  }

  @Override
  public void read(ImportJob job, ImportContext context) throws IOException {
    RecordFiles.readAll(job, context, (fields, raw, origin, csv) -> {
      ObjectNode identify = identify(fields, csv);
      context.event(identify == null
          ? IncomingEvent.unmappable(raw, "no user_id: a customer needs the shop's id of them", origin)
          : IncomingEvent.of(identify, origin));
    });
  }

  /** The identify call a customer record stands for, or null without a user id. */
  static ObjectNode identify(ObjectNode record, boolean csv) {
    ObjectNode event = JsonCodec.mapper().createObjectNode();
    ObjectNode traits = JsonCodec.mapper().createObjectNode();
    String userId = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (USER_ID.contains(f.getKey()) && userId == null) {
        userId = f.getValue().asText().strip();
      } else if (f.getKey().equals("updated_at")) {
        event.set("timestamp", f.getValue());
      } else if (!USER_ID.contains(f.getKey())) {
        traits.set(f.getKey(), csv ? RecordFiles.typed(f.getValue()) : f.getValue());
      }
    }
    if (userId == null || userId.isEmpty()) {
      return null;
    }
    // keep ids such as phone numbers and postcodes as text even when they look like numbers
    for (String text : new String[] {"phone", "zip", "postcode", "postal_code"}) {
      if (traits.has(text) && traits.get(text).isNumber()) {
        traits.put(text, traits.get(text).asText());
      }
    }
    event.put("type", "identify");
    event.put("userId", userId);
    event.set("traits", traits);
    return event;
  }
}
