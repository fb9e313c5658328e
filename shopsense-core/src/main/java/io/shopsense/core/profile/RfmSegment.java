package io.shopsense.core.profile;

/**
 * The named RFM segments, read from the recency and frequency scores (1–5) on the usual 5 × 5 grid. Frequency here is
 * the mean of the frequency and monetary scores, rounded half up, so a big spender with few orders reads as frequent.
 *
 * <pre>
 *            F: 1               2                3               4                5
 *   R 5   New              Potential Loyalist  Potential Loyalist  Champions      Champions
 *   R 4   Promising        Potential Loyalist  Potential Loyalist  Loyal          Loyal
 *   R 3   About to Sleep   About to Sleep      Need Attention      Loyal          Loyal
 *   R 2   Hibernating      Hibernating         At Risk             At Risk        Cannot Lose Them
 *   R 1   Lost             Hibernating         At Risk             At Risk        Cannot Lose Them
 * </pre>
 */
public enum RfmSegment {
  CHAMPIONS("Champions"),
  LOYAL("Loyal"),
  POTENTIAL_LOYALIST("Potential Loyalist"),
  NEW("New"),
  PROMISING("Promising"),
  NEED_ATTENTION("Need Attention"),
  ABOUT_TO_SLEEP("About to Sleep"),
  AT_RISK("At Risk"),
  CANNOT_LOSE_THEM("Cannot Lose Them"),
  HIBERNATING("Hibernating"),
  LOST("Lost");

  private static final RfmSegment[][] GRID = {
      // F = 1             2                   3                   4                5
      {LOST, HIBERNATING, AT_RISK, AT_RISK, CANNOT_LOSE_THEM}, // R = 1
      {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANNOT_LOSE_THEM}, // R = 2
      {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL}, // R = 3
      {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL}, // R = 4
      {NEW, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS}, // R = 5
  };

  private final String label;

  RfmSegment(String label) {
    this.label = label;
  }

  /** The name people read, e.g. {@code Cannot Lose Them}. */
  public String label() {
    return label;
  }

  /** The key used in rules, stores and APIs, e.g. {@code cannot_lose_them}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The segment with that key. */
  public static java.util.Optional<RfmSegment> byKey(String key) {
    for (RfmSegment s : values()) {
      if (s.key().equals(key)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }

  /** The segment of scores that are each 1–5. */
  public static RfmSegment of(int recency, int frequency, int monetary) {
    check(recency, "recency");
    check(frequency, "frequency");
    check(monetary, "monetary");
    int fm = (frequency + monetary + 1) / 2;
    return GRID[recency - 1][fm - 1];
  }

  private static void check(int score, String what) {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("an RFM " + what + " score is 1 to 5, not " + score);
    }
  }
}
