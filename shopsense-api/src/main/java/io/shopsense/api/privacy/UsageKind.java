package io.shopsense.api.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person's data was used for, in one act, counted in the {@link UsageLog}. */
public enum UsageKind {
  SEGMENT_ENTERED("segment_entered", "you were placed in a customer group", "您被归入一个客户分组"),
  RECOMMENDATIONS_SERVED("recommendations_served", "products were recommended to you", "向您推荐了商品"),
  MESSAGE_SENT("message_sent", "a message was sent to you", "向您发送了一条消息"),
  DATA_SHARED("data_shared", "your data was shared with a partner", "您的数据被提供给合作方");

  private final String wireName;
  private final String plainEnglish;
  private final String plainChinese;

  UsageKind(String wireName, String plainEnglish, String plainChinese) {
    this.wireName = wireName;
    this.plainEnglish = plainEnglish;
    this.plainChinese = plainChinese;
  }

  public String wireName() {
    return wireName;
  }

  /** What happened, in words a customer understands. */
  public String plainDescription() {
    return plainEnglish;
  }

  /** {@link #plainDescription()} in Chinese. */
  public String plainDescriptionZh() {
    return plainChinese;
  }

  public static Optional<UsageKind> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.wireName.equals(n)).findFirst();
  }
}
