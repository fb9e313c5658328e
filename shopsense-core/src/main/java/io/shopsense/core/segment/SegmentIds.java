package io.shopsense.core.segment;

/**
 * Segment ids: {@code [a-z0-9][a-z0-9_-]{0,99}}, so that they read the same in a URL, a file name, a rule's
 * {@code in_segment('…')} and a store's key.
 */
public final class SegmentIds {

  /** The longest id, in characters. */
  public static final int MAX_LENGTH = 100;

  private SegmentIds() {}

  /**
   * The id itself when it is valid.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static String validate(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a segment id is empty");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a segment id has at most " + MAX_LENGTH + " characters, '" + id.substring(0, 20) + "…' has " + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (i == 0 && !alnum) {
        throw new IllegalArgumentException(
            "a segment id starts with a lowercase letter or a digit, '" + id + "' does not");
      }
      if (!alnum && c != '_' && c != '-') {
        throw new IllegalArgumentException("a segment id has only lowercase letters, digits, '_' and '-', '" + id
            + "' has " + (Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'"));
      }
    }
    return id;
  }
}
