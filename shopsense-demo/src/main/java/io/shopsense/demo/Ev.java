package io.shopsense.demo;

/**
 * One generated call, compact until it is written: the simulation makes a day's worth of these, sorts them by time
 * and only then turns them into JSON, so that the output is in timestamp order.
 */
final class Ev {
  long ts;
  int seq;
  Kind kind;
  Person person;
  /** The session, or null for a server-side event. */
  Visit visit;
  String anonymousId;
  String userId;
  /** The page the event happened on (web) and where the person came from: a storefront path or a full URL. */
  String path;
  String referrer;
  /** A page's name, a search query. */
  String name;
  Item item;
  int quantity;
  int position;
  /** Product lines: of a product list, a cart. */
  int[] items;
  int[] quantities;
  int lines;
  Order order;
  /** A rating; for an identify call what traits it carries (see {@link Identity}). */
  int number;
  String text;
  String id;
}
