package io.shopsense.core.campaign.content;

/** What a signed link does; part of what is signed, so a link of one purpose cannot be used for another. */
public enum LinkPurpose {
  UNSUBSCRIBE("u"), PREFERENCES("p"), CLICK("c"), OPEN("o");

  private final String code;

  LinkPurpose(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  static LinkPurpose ofCode(String code) {
    for (LinkPurpose p : values()) {
      if (p.code.equals(code)) {
        return p;
      }
    }
    return null;
  }
}
