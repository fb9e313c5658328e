package io.shopsense.core.profile;

import io.shopsense.api.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a person is doing in their current session, from its events: {@code BUYING} once they add to the cart, view
 * it or start a checkout; else {@code COMPARING} after viewing {@value #COMPARED} or more different products of one
 * category; else {@code SEARCHING} when they searched and viewed fewer products than that; else {@code BROWSING}.
 */
public enum SessionIntent {
  BROWSING,
  SEARCHING,
  COMPARING,
  BUYING;

  /** Distinct products of one category viewed that make a comparison. */
  static final int COMPARED = 3;
  /** The usual web-analytics session: it ends after half an hour without an event. */
  public static final Duration SESSION_GAP = Duration.ofMinutes(30);

  /** The lower-case name used in rules and APIs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The intent of the latest session among {@code recent} events (any order): the events with the latest event's
   * session id, or, without session ids, those no more than {@link #SESSION_GAP} apart going back from the latest.
   * Null when there are no events, or the latest session ended more than {@link #SESSION_GAP} before {@code now}.
   */
  public static SessionIntent current(List<Event> recent, Instant now) {
    return currentOf(recent.stream().map(Touch::of).toList(), now);
  }

  /** As {@link #current}, over the touches a profile keeps. */
  public static SessionIntent currentOf(List<Touch> recent, Instant now) {
    List<Touch> session = latestSession(recent);
    if (session.isEmpty()
        || Duration.between(session.get(session.size() - 1).at(), now).compareTo(SESSION_GAP) > 0) {
      return null;
    }
    return ofTouches(session);
  }

  /** The intent shown by the events of one session. */
  public static SessionIntent of(List<Event> session) {
    return ofTouches(session.stream().map(Touch::of).toList());
  }

  static SessionIntent ofTouches(List<Touch> session) {
    boolean searched = false;
    Set<String> viewed = new HashSet<>();
    Map<String, Set<String>> viewedByCategory = new HashMap<>();
    for (Touch t : session) {
      if (t.kind() == Touch.Kind.CART) {
        return BUYING;
      }
      if (t.kind() == Touch.Kind.SEARCH) {
        searched = true;
      } else if (t.kind() == Touch.Kind.VIEW && t.productId() != null) {
        viewed.add(t.productId());
        if (t.category() != null) {
          viewedByCategory.computeIfAbsent(t.category(), c -> new HashSet<>()).add(t.productId());
        }
      }
    }
    if (viewedByCategory.values().stream().anyMatch(s -> s.size() >= COMPARED)) {
      return COMPARING;
    }
    return searched && viewed.size() < COMPARED ? SEARCHING : BROWSING;
  }

  static List<Touch> latestSession(List<Touch> recent) {
    List<Touch> sorted = new ArrayList<>(recent);
    sorted.sort(Touch.ORDER);
    if (sorted.isEmpty()) {
      return sorted;
    }
    String id = sorted.get(sorted.size() - 1).sessionId();
    if (id != null) {
      return sorted.stream().filter(t -> id.equals(t.sessionId())).toList();
    }
    int start = sorted.size() - 1;
    while (start > 0 && Duration.between(sorted.get(start - 1).at(), sorted.get(start).at())
        .compareTo(SESSION_GAP) <= 0) {
      start--;
    }
    return sorted.subList(start, sorted.size());
  }
}
