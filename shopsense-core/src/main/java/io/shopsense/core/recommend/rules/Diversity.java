package io.shopsense.core.recommend.rules;

/**
 * How {@link Rerank} spreads a list over categories and brands. Every knob at 0 (and {@link None}) keeps the order.
 */
public sealed interface Diversity permits Diversity.None, Diversity.Mmr, Diversity.CategoryCap {

  /** Keep the (boosted) relevance order. */
  enum None implements Diversity { INSTANCE }

  /**
   * Maximal marginal relevance, picked greedily: each next item maximises
   * {@code (1 − λ)·relevance − λ·max similarity to the items already picked}, with relevance the boosted score
   * min-max scaled to [0, 1] over the candidates. Here λ weighs diversity (Carbonell and Goldstein's λ weighs
   * relevance; flipped so that 0 is off like every other knob): 0 keeps the order, 1 picks by dissimilarity alone.
   */
  record Mmr(double lambda) implements Diversity {
    public Mmr {
      if (!(lambda >= 0 && lambda <= 1)) {
        throw new IllegalArgumentException("MMR lambda must be in [0, 1]: " + lambda);
      }
    }
  }

  /**
   * At most {@code perCategory} items of one category, in relevance order; items over the cap are only used to fill
   * the list when the other candidates run out (a short list is worse than a repetitive one). 0 = no cap.
   */
  record CategoryCap(int perCategory) implements Diversity {
    public CategoryCap {
      if (perCategory < 0) {
        throw new IllegalArgumentException("perCategory must be >= 0: " + perCategory);
      }
    }
  }

  static Diversity none() {
    return None.INSTANCE;
  }
}
