package io.shopsense.core.recommend;

/** What a person did with an item. A refund counts against the purchases of the same item. */
public enum InteractionKind {
  VIEW, CART, PURCHASE, REFUND
}
