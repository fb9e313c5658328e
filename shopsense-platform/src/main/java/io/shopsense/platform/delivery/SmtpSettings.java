package io.shopsense.platform.delivery;

import java.time.Duration;

/**
 * How the email channel reaches its SMTP server. {@code username} empty: no authentication. {@code from} is the
 * sender address ({@code Shop <news@shop.example>} allowed); {@code messageIdDomain} the right-hand side of the
 * Message-IDs (the shop's sending domain). {@code startTls} requires STARTTLS when true.
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, String from,
    String messageIdDomain, Duration connectTimeout, Duration timeout) {

  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the SMTP host must be set");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("the SMTP port must be 1..65535, not " + port);
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("the email sender (from) must be set");
    }
    if (messageIdDomain == null || !messageIdDomain.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("the Message-ID domain must be a host name, not " + messageIdDomain);
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    connectTimeout = positive(connectTimeout, "connect timeout");
    timeout = positive(timeout, "timeout");
  }

  private static Duration positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the SMTP " + what + " must be positive, not " + d);
    }
    return d;
  }
}
