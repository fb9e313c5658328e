package io.shopsense.core.recommend;

/**
 * How much one unit of each {@link InteractionKind} weighs. A view weighs no more than a cart, a cart no more than a
 * purchase; a refund subtracts {@code refund} per unit (by default as much as a purchase adds, so a fully refunded
 * purchase leaves only the intent signals). All weights are finite and non-negative.
 */
public record InteractionWeights(double view, double cart, double purchase, double refund) {
  /** view 1, cart 3, purchase 5, refund 5: a purchase says more than a look, a refund takes the purchase back. */
  public static final InteractionWeights DEFAULT = new InteractionWeights(1, 3, 5, 5);

  public InteractionWeights {
    for (double w : new double[] {view, cart, purchase, refund}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0: " + this);
      }
    }
    if (view > cart || cart > purchase) {
      throw new IllegalArgumentException("weights must satisfy view <= cart <= purchase, got view " + view
          + ", cart " + cart + ", purchase " + purchase);
    }
  }

  /** The signed weight of one record: refunds are negative. */
  public double of(InteractionKind kind, double quantity) {
    double w = switch (kind) {
      case VIEW -> view;
      case CART -> cart;
      case PURCHASE -> purchase;
      case REFUND -> -refund;
    };
    return w * quantity;
  }

  String canonical() {
    return "weights.view=" + view + "\nweights.cart=" + cart + "\nweights.purchase=" + purchase
        + "\nweights.refund=" + refund + "\n";
  }
}
