package io.shopsense.core.segment.internal;

import io.shopsense.core.segment.ProfileFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The field names a rule may use, with "did you mean" hints for the others. */
public final class FieldNames {
  private static final String TRAITS = ProfileFields.TRAITS_PREFIX.substring(0, ProfileFields.TRAITS_PREFIX.length() - 1);

  private FieldNames() {}

  /**
   * Checks that a path is a known field written as the text form can write it: names of letters, digits and
   * {@code _} (not starting with a digit) joined by dots.
   *
   * @throws IllegalArgumentException saying what is wrong, with close matches for an unknown field
   */
  public static void check(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a field name is empty");
    }
    if (!isPath(path)) {
      throw new IllegalArgumentException("'" + Spelling.shorten(path)
          + "' is not a field name: names are letters, digits and '_', joined by dots");
    }
    if (ProfileFields.isKnown(path)) {
      return;
    }
    if (path.equals(TRAITS)) {
      throw new IllegalArgumentException("name a trait as traits.<name>");
    }
    List<String> hints = hints(path);
    throw new IllegalArgumentException("unknown field '" + Spelling.shorten(path) + "'" + (hints.isEmpty()
        ? "; fields are lifecycle, intent, rfm.*, behaviour.* and traits.<name>"
        : "; did you mean " + hints.stream().map(h -> "'" + h + "'").collect(Collectors.joining(" or ")) + "?"));
  }

  /** The fields of one type, by name, for a message. */
  public static String ofType(ProfileFields.Type type) {
    return ProfileFields.all().entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey)
        .collect(Collectors.joining(", "));
  }

  private static boolean isPath(String path) {
    boolean start = true;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        if (start) {
          return false;
        }
        start = true;
      } else if (Lexer.isNameStart(c) || (!start && c >= '0' && c <= '9')) {
        start = false;
      } else {
        return false;
      }
    }
    return !start;
  }

  /** Known fields close to the path, whole or by their last name ({@code monetary}), and the trait it may mean. */
  private static List<String> hints(String path) {
    Map<String, String> byCandidate = new LinkedHashMap<>();
    for (String field : ProfileFields.all().keySet()) {
      byCandidate.put(field, field);
      byCandidate.putIfAbsent(field.substring(field.lastIndexOf('.') + 1), field);
    }
    List<String> hints = new ArrayList<>();
    for (String near : Spelling.closest(path, byCandidate.keySet())) {
      String field = byCandidate.get(near);
      if (!hints.contains(field)) {
        hints.add(field);
      }
    }
    int dot = path.indexOf('.');
    if (dot > 0 && Spelling.distance(path.substring(0, dot), TRAITS) <= 2) {
      hints.add(ProfileFields.TRAITS_PREFIX + path.substring(dot + 1));
    }
    return hints;
  }
}
