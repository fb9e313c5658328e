package io.shopsense.core.recommend.eval;

/** What a person did with an item; the ground truth of a split is usually {@link #PURCHASE} only. */
public enum InteractionKind {
    VIEW,
    CART,
    PURCHASE,
    REFUND
}
