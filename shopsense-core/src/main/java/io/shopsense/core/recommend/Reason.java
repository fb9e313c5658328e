package io.shopsense.core.recommend;

import java.util.Objects;

/**
 * Why an item was recommended, as data: the explanation layer turns it into words ("because you viewed X", "popular
 * in Z this week"). Item fields hold product ids.
 */
public sealed interface Reason permits Reason.Because, Reason.PopularIn, Reason.SimilarTo,
    Reason.OftenBoughtWith, Reason.DueAgain, Reason.NewIn {

  /** The person interacted with {@code item}, which led here (the strongest contributor of the score). */
  record Because(String item) implements Reason {
    public Because {
      Objects.requireNonNull(item, "item");
    }
  }

  /** Popular in {@code scope}: {@value #GLOBAL} or {@code category:<name>}. */
  record PopularIn(String scope) implements Reason {
    public static final String GLOBAL = "global";

    public PopularIn {
      Objects.requireNonNull(scope, "scope");
    }

    public static PopularIn global() {
      return new PopularIn(GLOBAL);
    }

    public static PopularIn category(String category) {
      return new PopularIn("category:" + category);
    }
  }

  /** Similar to {@code item} (for item-to-item scenes, where there is no person). */
  record SimilarTo(String item) implements Reason {
    public SimilarTo {
      Objects.requireNonNull(item, "item");
    }
  }

  /** Often bought together with {@code item} (an association rule from baskets: bundle and cross-sell scenes). */
  record OftenBoughtWith(String item) implements Reason {
    public OftenBoughtWith {
      Objects.requireNonNull(item, "item");
    }
  }

  /** The person buys {@code item} again and again and is due to run out of it about now (consumables). */
  record DueAgain(String item) implements Reason {
    public DueAgain {
      Objects.requireNonNull(item, "item");
    }
  }

  /** A new item in {@code category}, one the person favours (exploration and new-item cold start). */
  record NewIn(String category) implements Reason {
    public NewIn {
      Objects.requireNonNull(category, "category");
    }
  }
}
