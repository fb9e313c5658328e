package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A standing "do not send": an unsubscribe (the person's own, from a link or the preference centre) or a
 * do-not-contact (set by the shop: a complaint, a hard bounce, a legal hold).
 *
 * <p>An unsubscribe stops promotional messages in its scope; a do-not-contact stops every message in its scope,
 * transactional ones included.
 *
 * @param scope what it covers: every channel, one channel ({@code value} is its wire name) or one topic
 * @param value the channel's wire name or the topic; empty string for {@link Scope#ALL}
 * @param source who or what set it (e.g. {@code unsubscribe-link}, {@code preference-centre}, {@code bounce})
 */
public record ContactBlock(PersonId person, Kind kind, Scope scope, String value, String source, Instant at) {

  /** Unsubscribed by the person, or not to be contacted at all by the shop's decision. */
  public enum Kind {
    UNSUBSCRIBED,
    DO_NOT_CONTACT;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a block covers. */
  public enum Scope {
    ALL,
    CHANNEL,
    TOPIC
  }

  public ContactBlock {
    if (person == null || kind == null || scope == null || at == null) {
      throw new IllegalArgumentException("a contact block needs a person, a kind, a scope and a time");
    }
    value = value == null ? "" : value.strip();
    if (scope == Scope.ALL && !value.isEmpty()) {
      throw new IllegalArgumentException("a block of everything names no channel or topic, got " + value);
    }
    if (scope == Scope.CHANNEL && Channel.fromWire(value).isEmpty()) {
      throw new IllegalArgumentException("unknown channel '" + value + "'; known: email, in_app, sms, push, "
          + "messaging_app");
    }
    if (scope == Scope.TOPIC && (value.isEmpty() || value.length() > 200)) {
      throw new IllegalArgumentException("a topic block needs a topic of 1 to 200 characters");
    }
    if (source == null || source.isBlank() || source.length() > 200) {
      throw new IllegalArgumentException("a contact block needs a source of 1 to 200 characters");
    }
  }

  public static ContactBlock all(PersonId person, Kind kind, String source, Instant at) {
    return new ContactBlock(person, kind, Scope.ALL, "", source, at);
  }

  public static ContactBlock channel(PersonId person, Kind kind, Channel channel, String source, Instant at) {
    return new ContactBlock(person, kind, Scope.CHANNEL, channel.wireName(), source, at);
  }

  public static ContactBlock topic(PersonId person, Kind kind, String topic, String source, Instant at) {
    return new ContactBlock(person, kind, Scope.TOPIC, topic, source, at);
  }

  /** The channel of a channel block. */
  public Optional<Channel> channel() {
    return scope == Scope.CHANNEL ? Channel.fromWire(value) : Optional.empty();
  }

  /** Whether this block covers a message on the channel about the topic. */
  public boolean covers(Channel channel, String topic) {
    return switch (scope) {
      case ALL -> true;
      case CHANNEL -> channel.wireName().equals(value);
      case TOPIC -> value.equals(topic);
    };
  }
}
