package io.shopsense.api.profile;

/**
 * A page of profiles, ordered by person id, optionally only those in a lifecycle stage and/or an RFM segment.
 *
 * @param lifecycleStage a stage's key, or null for any
 * @param rfmSegment     an RFM segment's key, or null for any
 * @param after          the cursor of the previous page (the last person id it held), or null for the first page
 * @param limit          the most profiles on the page, 1–10,000
 */
public record ProfileQuery(String lifecycleStage, String rfmSegment, String after, int limit) {
  public ProfileQuery {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, not " + limit);
    }
  }

  public static ProfileQuery all(String after, int limit) {
    return new ProfileQuery(null, null, after, limit);
  }
}
