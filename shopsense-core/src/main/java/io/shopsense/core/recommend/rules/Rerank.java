package io.shopsense.core.recommend.rules;

import io.shopsense.core.recommend.ScoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The business-rule pipeline of a scene over a model's candidates (best first):
 *
 * <ol>
 *   <li><b>filter</b>: a candidate that {@link ItemFacts} does not know, that repeats an earlier one, or that the
 *       {@link ItemPolicy} rejects is dropped, and the drop is reported with its reason;
 *   <li><b>boost</b>: score + scale · (marginWeight · margin + newItemWeight · [new]), scale = the largest absolute
 *       candidate score; then a stable sort by the boosted score (skipped when both weights are 0, so the input order
 *       stands even for ties and unsorted input);
 *   <li><b>diversify</b> ({@link Diversity}): MMR or per-category caps, with content similarity
 *       ({@code [same category] + [same brand]) / 2}) between items;
 *   <li><b>explore</b>: up to {@link RerankSettings#explorationSlots()} of the n slots go to new or long-tail items
 *       that did not make the list on their score, drawn at random and put at random positions below the first, with
 *       a generator seeded by the settings' seed and the request key, so the same request gets the same list and new
 *       merchants' items still get seen across requests. Slots without such items go back to the ranking.
 * </ol>
 *
 * <p>Immutable and thread-safe when its {@link ItemFacts} is. Every knob at 0 returns the allowed candidates in their
 * input order.
 */
public final class Rerank {
  private final ItemFacts facts;
  private final ItemPolicy policy;
  private final RerankSettings settings;

  public Rerank(ItemFacts facts, ItemPolicy policy, RerankSettings settings) {
    this.facts = Objects.requireNonNull(facts, "facts");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A kept candidate: its facts, boosted score and original position. */
  private record Candidate(ScoredItem scored, ItemFact fact, double score, int position) {
  }

  public RerankResult apply(List<ScoredItem> candidates, RerankRequest request) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(request, "request");
    List<RerankResult.Dropped> dropped = new ArrayList<>();
    List<Candidate> kept = filter(candidates, request, dropped);
    boost(kept, request.now());
    int n = Math.min(request.n(), kept.size());
    int slots = Math.min(settings.explorationSlots(), n);
    List<Candidate> ranked = diversify(kept, n);
    // exploration pool: eligible items that did not make the part of the list that is theirs by score
    Set<String> head = new HashSet<>();
    ranked.subList(0, n - slots).forEach(c -> head.add(c.fact().item()));
    List<Candidate> pool = new ArrayList<>();
    for (Candidate c : kept) {
      if (!head.contains(c.fact().item()) && (isNew(c.fact(), request.now())
          || request.longTail().contains(c.fact().item()))) {
        pool.add(c);
      }
    }
    Random random = new Random(settings.seed() * 0x9E3779B97F4A7C15L ^ request.key().hashCode());
    List<Candidate> explored = new ArrayList<>();
    while (explored.size() < slots && !pool.isEmpty()) {
      explored.add(pool.remove(random.nextInt(pool.size())));
    }
    Set<String> exploredIds = new LinkedHashSet<>();
    explored.forEach(c -> exploredIds.add(c.fact().item()));
    List<Candidate> out = new ArrayList<>(n);
    for (Candidate c : ranked) {
      if (out.size() == n - explored.size()) {
        break;
      }
      if (!exploredIds.contains(c.fact().item())) {
        out.add(c);
      }
    }
    for (Candidate c : explored) {
      // never above the first item: the best match keeps the top slot
      out.add(out.isEmpty() ? 0 : 1 + random.nextInt(out.size()), c);
    }
    List<ScoredItem> items = new ArrayList<>(out.size());
    for (Candidate c : out) {
      items.add(new ScoredItem(c.scored().item(), c.score(), c.scored().reason()));
    }
    return new RerankResult(items, dropped, exploredIds);
  }

  private List<Candidate> filter(List<ScoredItem> candidates, RerankRequest request,
      List<RerankResult.Dropped> dropped) {
    List<Candidate> kept = new ArrayList<>(candidates.size());
    Set<String> seen = new HashSet<>();
    for (ScoredItem s : candidates) {
      if (!seen.add(s.item())) {
        dropped.add(new RerankResult.Dropped(s.item(), DropReason.DUPLICATE));
        continue;
      }
      Optional<ItemFact> fact = facts.find(s.item());
      if (fact.isEmpty()) {
        dropped.add(new RerankResult.Dropped(s.item(), DropReason.UNKNOWN_ITEM));
        continue;
      }
      Verdict verdict = policy.check(fact.get(), request);
      if (verdict instanceof Verdict.Reject reject) {
        dropped.add(new RerankResult.Dropped(s.item(), reject.reason()));
      } else {
        kept.add(new Candidate(s, fact.get(), s.score(), kept.size()));
      }
    }
    return kept;
  }

  private void boost(List<Candidate> kept, Instant now) {
    if (settings.marginWeight() == 0 && settings.newItemWeight() == 0) {
      return;
    }
    double scale = 0;
    for (Candidate c : kept) {
      scale = Math.max(scale, Math.abs(c.score()));
    }
    if (scale == 0) {
      scale = 1;   // all scores 0: the boosts alone decide
    }
    for (int i = 0; i < kept.size(); i++) {
      Candidate c = kept.get(i);
      double bonus = settings.marginWeight() * c.fact().margin() + (isNew(c.fact(), now) ? settings.newItemWeight() : 0);
      kept.set(i, new Candidate(c.scored(), c.fact(), c.score() + scale * bonus, c.position()));
    }
    kept.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::position));
  }

  private List<Candidate> diversify(List<Candidate> kept, int n) {
    Diversity d = settings.diversity();
    if (d instanceof Diversity.Mmr mmr && mmr.lambda() > 0) {
      return mmr(kept, n, mmr.lambda());
    }
    if (d instanceof Diversity.CategoryCap cap && cap.perCategory() > 0) {
      return capped(kept, n, cap.perCategory());
    }
    return kept.subList(0, n);
  }

  private static List<Candidate> mmr(List<Candidate> kept, int n, double lambda) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Candidate c : kept) {
      min = Math.min(min, c.score());
      max = Math.max(max, c.score());
    }
    double range = max - min;
    List<Candidate> left = new ArrayList<>(kept);
    double[] maxSim = new double[left.size()];
    List<Candidate> out = new ArrayList<>(n);
    while (out.size() < n) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < left.size(); i++) {
        double relevance = range > 0 ? (left.get(i).score() - min) / range : 1;
        double value = (1 - lambda) * relevance - lambda * maxSim[i];
        if (value > bestValue) {   // strict: ties go to the earlier (more relevant) candidate
          bestValue = value;
          best = i;
        }
      }
      Candidate picked = left.remove(best);
      System.arraycopy(maxSim, best + 1, maxSim, best, left.size() - best);
      for (int i = 0; i < left.size(); i++) {
        maxSim[i] = Math.max(maxSim[i], similarity(picked.fact(), left.get(i).fact()));
      }
      out.add(picked);
    }
    return out;
  }

  private static List<Candidate> capped(List<Candidate> kept, int n, int cap) {
    List<Candidate> out = new ArrayList<>(n);
    List<Candidate> over = new ArrayList<>();
    Map<String, Integer> perCategory = new HashMap<>();
    for (Candidate c : kept) {
      if (out.size() == n) {
        break;
      }
      if (perCategory.merge(c.fact().category(), 1, Integer::sum) <= cap) {
        out.add(c);
      } else {
        over.add(c);
      }
    }
    for (int i = 0; out.size() < n && i < over.size(); i++) {
      out.add(over.get(i));
    }
    return out;
  }

  /** Content similarity in [0, 1]: half for the same category, half for the same brand. */
  static double similarity(ItemFact a, ItemFact b) {
    return ((a.category().equals(b.category()) ? 1 : 0) + (a.brand().equals(b.brand()) ? 1 : 0)) / 2.0;
  }

  private boolean isNew(ItemFact fact, Instant now) {
    return fact.createdAt().isAfter(now.minus(settings.newItemAge()));
  }
}
