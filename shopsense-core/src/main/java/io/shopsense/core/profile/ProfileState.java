package io.shopsense.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.event.Event;
import io.shopsense.core.json.JsonCodec;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything a profile folds from a person's events: behaviour, interests, the event counts segment windows read,
 * and the latest few events for the session intent. A commutative monoid like its parts — {@link #add} one event,
 * {@link #merge} another state — so the real-time consumer (events as they come, late ones included), the local
 * batch rebuild and a Spark aggregation (partial states merged) reach equal states from the same events. Encoded for
 * the store and for Spark by {@link #encode} / {@link #decode}. Not thread-safe.
 */
public final class ProfileState {
  /** How many of the latest events are kept for the session intent. */
  public static final int RECENT = 30;
  private static final int FORMAT = 1;

  private final Behaviour behaviour;
  private final Interests interests;
  private final EventWindows windows;
  private final TreeSet<Touch> recent = new TreeSet<>(Touch.ORDER);

  public ProfileState(Interests.Settings settings) {
    this(new Behaviour(), new Interests(settings), new EventWindows());
  }

  private ProfileState(Behaviour behaviour, Interests interests, EventWindows windows) {
    this.behaviour = behaviour;
    this.interests = interests;
    this.windows = windows;
  }

  /** Folds one event in. */
  public ProfileState add(Event event) {
    behaviour.add(event);
    interests.add(event);
    windows.add(event);
    keep(Touch.of(event));
    return this;
  }

  /** Folds another state in, as if its events had been added here. */
  public ProfileState merge(ProfileState other) {
    behaviour.merge(other.behaviour);
    interests.merge(other.interests);
    windows.merge(other.windows);
    other.recent.forEach(this::keep);
    return this;
  }

  private void keep(Touch t) {
    recent.add(t);
    if (recent.size() > RECENT) {
      recent.pollFirst();
    }
  }

  /** Whether no event was folded in. */
  public boolean isEmpty() {
    return behaviour.view().events() == 0;
  }

  public Behaviour behaviour() {
    return behaviour;
  }

  public Interests interests() {
    return interests;
  }

  public EventWindows windows() {
    return windows;
  }

  /** The latest events kept, oldest first. */
  public List<Touch> recent() {
    return List.copyOf(recent);
  }

  /** The state as bytes (UTF-8 JSON with a format number), exact: {@code decode(encode())} equals the state. */
  public byte[] encode() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("v", FORMAT);
    o.set("b", behaviour.toJson());
    o.set("i", interests.toJson());
    o.set("w", windows.toJson());
    ArrayNode r = o.putArray("r");
    for (Touch t : recent) {
      r.add(Behaviour.nanos(t.at())).add(t.messageId()).add(t.kind().name()).add(t.sessionId())
          .add(t.productId()).add(t.category());
    }
    return JsonCodec.bytes(o);
  }

  /** Reads what {@link #encode} wrote. */
  public static ProfileState decode(byte[] bytes, Interests.Settings settings) {
    JsonNode o = JsonCodec.parse(bytes);
    if (o.path("v").asInt() != FORMAT) {
      throw new IllegalArgumentException("unknown profile state format " + o.path("v"));
    }
    ProfileState s = new ProfileState(Behaviour.fromJson(o.get("b")), Interests.fromJson(o.get("i"), settings),
        EventWindows.fromJson(o.get("w")));
    JsonNode r = o.get("r");
    for (int i = 0; i + 5 < r.size(); i += 6) {
      s.recent.add(new Touch(Behaviour.instant(r.get(i).asLong()), r.get(i + 1).asText(),
          Touch.Kind.valueOf(r.get(i + 2).asText()), text(r.get(i + 3)), text(r.get(i + 4)), text(r.get(i + 5))));
    }
    return s;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileState s && behaviour.equals(s.behaviour) && interests.equals(s.interests)
        && windows.equals(s.windows) && recent.equals(s.recent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(behaviour, windows);
  }

  @Override
  public String toString() {
    return "ProfileState" + behaviour;
  }
}
