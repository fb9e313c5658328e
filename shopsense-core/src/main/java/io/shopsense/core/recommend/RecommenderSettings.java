package io.shopsense.core.recommend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A recommender's settings in canonical form: the algorithm name and its settings as sorted key → value text. The
 * digest of a model is the SHA-256 of this canonical text followed by the {@link Interactions#weighting()} it was
 * trained on, so a model trained with any other setting, weight or decay has another digest.
 */
public record RecommenderSettings(String recommender, SortedMap<String, String> values) {
  public RecommenderSettings {
    Objects.requireNonNull(recommender, "recommender");
    values = new TreeMap<>(values);
  }

  public static RecommenderSettings of(String recommender, Map<String, ?> values) {
    TreeMap<String, String> text = new TreeMap<>();
    values.forEach((k, v) -> text.put(k, String.valueOf(v)));
    return new RecommenderSettings(recommender, text);
  }

  /** {@code recommender=<name>} then one {@code key=value} line per setting, in key order. */
  public String canonical() {
    StringBuilder s = new StringBuilder("recommender=").append(recommender).append('\n');
    values.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    return s.toString();
  }

  /** Hex SHA-256 of {@link #canonical()} and the training matrix's weighting. */
  public String digest(Interactions trainedOn) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((canonical() + trainedOn.weighting()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
