package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code application.yml} the server ships, for tests that check every key of a settings record is commented. */
final class ShippedApplicationYml {
  private ShippedApplicationYml() {
  }

  /**
   * Asserts that every component of {@code settings} appears as a kebab-case key directly under
   * {@code shopsense.<section>} and has a comment line right above it.
   */
  static void assertEveryKeyCommented(String section, Class<? extends Record> settings) {
    String yml = read();
    String all = yml.substring(yml.indexOf("\nshopsense:"));
    int start = all.indexOf("\n  " + section + ":");
    assertThat(start).as("shopsense." + section + " in application.yml").isNotNegative();
    String block = all.substring(start + 1);
    Matcher next = Pattern.compile("(?m)^  [a-z-]+:").matcher(block);
    String body = next.find(1) ? block.substring(0, next.start()) : block;
    for (var c : settings.getRecordComponents()) {
      String key = c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
      Matcher m = Pattern.compile("(?m)^    " + key + ":").matcher(body);
      assertThat(m.find()).as(key + " in shopsense." + section).isTrue();
      String[] before = body.substring(0, m.start()).split("\n");
      assertThat(before[before.length - 1]).as("a comment above " + key).contains("#");
    }
  }

  private static String read() {
    try (InputStream in = ShippedApplicationYml.class.getResourceAsStream("/application.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
