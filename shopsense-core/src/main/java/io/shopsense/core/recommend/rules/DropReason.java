package io.shopsense.core.recommend.rules;

/** Why re-ranking dropped a candidate. */
public enum DropReason {
  /** No stock left. */
  OUT_OF_STOCK,
  /** The shop blocked the item from recommendations. */
  BLOCKED,
  /** The person already bought it and it is not a consumable. */
  ALREADY_BOUGHT,
  /** {@link ItemFacts} does not know it (delisted, or the catalog snapshot is older than the model). */
  UNKNOWN_ITEM,
  /** A candidate with the same item came earlier in the list. */
  DUPLICATE
}
