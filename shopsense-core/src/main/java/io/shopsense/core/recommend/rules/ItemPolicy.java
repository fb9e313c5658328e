package io.shopsense.core.recommend.rules;

import java.util.Objects;

/**
 * Whether one candidate may be shown to the person of a request. Policies are pure and thread-safe and compose:
 * {@link #and} rejects with the first rejection, {@link #or} allows when either allows (and otherwise rejects with the
 * second's reason).
 */
@FunctionalInterface
public interface ItemPolicy {

  Verdict check(ItemFact item, RerankRequest request);

  default ItemPolicy and(ItemPolicy other) {
    Objects.requireNonNull(other, "other");
    return (item, request) -> {
      Verdict first = check(item, request);
      return first.allowed() ? other.check(item, request) : first;
    };
  }

  default ItemPolicy or(ItemPolicy other) {
    Objects.requireNonNull(other, "other");
    return (item, request) -> {
      Verdict first = check(item, request);
      return first.allowed() ? first : other.check(item, request);
    };
  }

  /** Rejects items with no stock left. */
  static ItemPolicy inStock() {
    return (item, request) -> item.stock() > 0 ? Verdict.allow() : Verdict.reject(DropReason.OUT_OF_STOCK);
  }

  /** Rejects items the shop blocked. */
  static ItemPolicy notBlocked() {
    return (item, request) -> item.blocked() ? Verdict.reject(DropReason.BLOCKED) : Verdict.allow();
  }

  /** Rejects items the person bought already, unless they are consumables (bought again and again). */
  static ItemPolicy notAlreadyBought() {
    return (item, request) -> request.bought().contains(item.item()) && !request.consumables().contains(item.item())
        ? Verdict.reject(DropReason.ALREADY_BOUGHT) : Verdict.allow();
  }

  /** Not blocked, in stock, not already bought (in this order, so a blocked item is reported as blocked). */
  static ItemPolicy standard() {
    return notBlocked().and(inStock()).and(notAlreadyBought());
  }
}
