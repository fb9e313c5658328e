package io.shopsense.demo;

/** One browser or app a person uses, with its anonymous id and whether the person is logged in on it. */
final class Device {
  static final byte DESKTOP = 0;
  static final byte MOBILE_WEB = 1;
  static final byte IOS = 2;
  static final byte ANDROID = 3;
  private static final String[] TYPES = {"desktop", "mobile", "ios", "android"};
  private static final String[] OS = {"Windows", "Android", "iOS", "Android"};

  final byte kind;
  /** The device's own id, stable across cookie resets (as an app's device id is). */
  final String id;
  String anonymousId;
  /** Events from this device carry the user id. */
  boolean loggedIn;
  /** The current anonymous id has been tied to the user id by an identify (or alias) call in the period. */
  boolean linked;
  /** The consent banner has been answered on the current anonymous id (cookie). */
  boolean consentSent;

  Device(byte kind, String id, String anonymousId) {
    this.kind = kind;
    this.id = id;
    this.anonymousId = anonymousId;
  }

  boolean app() {
    return kind >= IOS;
  }

  String channel() {
    return app() ? "mobile" : "web";
  }

  String type() {
    return TYPES[kind];
  }

  String os() {
    return OS[kind];
  }
}
