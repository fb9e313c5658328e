package io.shopsense.core.recommend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The settings digest of models that are not trained on an {@link Interactions} matrix (baskets, purchase histories):
 * hex SHA-256 of the settings' canonical text and a line that names the input, so that the digest still changes with
 * every setting.
 */
final class SettingsDigest {
  private SettingsDigest() {
  }

  static String of(RecommenderSettings settings, String input) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((settings.canonical() + "input=" + input + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
