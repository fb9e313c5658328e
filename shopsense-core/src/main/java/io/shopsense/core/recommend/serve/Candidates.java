package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.ScoredItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The candidates of one request, merged from several sources in priority order: an item keeps the first source and
 * reason that proposed it, and excluded items (the request's context items) are never taken. Not thread-safe: one per
 * request.
 *
 * <p>Sources score on different scales (cosine, confidence, decayed counts), so the merged list is scored by rank
 * ({@code 1 − rank / size}): the source priority is the order, and the scene's boosts and diversity act on one scale.
 */
final class Candidates {
  /** What {@link #ranked()} carries for a model pick until {@link #reasonOf} explains it. */
  private static final Reason UNEXPLAINED = Reason.PopularIn.global();

  /** One source's proposals, best first. */
  record Source(String name, List<ScoredItem> items) {
    Source {
      Objects.requireNonNull(name, "name");
      items = List.copyOf(items);
    }
  }

  private record Entry(ScoredItem scored, String source) {
  }

  private final Set<String> exclude;
  private final Map<String, Entry> byItem = new LinkedHashMap<>();
  /** Model picks whose reasons are asked of the model only for the items shown. */
  private final Map<String, RecommenderModel.Picks> unexplained = new HashMap<>();

  Candidates(Set<String> exclude) {
    this.exclude = Objects.requireNonNull(exclude, "exclude");
  }

  /** Adds {@code items} of {@code source}, best first, after what is there. */
  void add(String source, List<ScoredItem> items) {
    for (ScoredItem s : items) {
      put(source, s);
    }
  }

  /** Adds the sources' items in turns (first of each, then second of each, …), so no source crowds out the others. */
  void interleave(List<Source> sources) {
    int longest = sources.stream().mapToInt(s -> s.items().size()).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (Source s : sources) {
        if (i < s.items().size()) {
          put(s.name(), s.items().get(i));
        }
      }
    }
  }

  /**
   * Adds a model's picks, best first: its personal picks under {@code source}, its popularity fill under
   * {@code fillSource}. A personal pick's reason is not computed here: {@link #reasonOf} asks the model for it, so
   * only the items shown are explained (a candidate list holds four items per slot).
   */
  void addPicks(String source, String fillSource, RecommenderModel.Picks picks) {
    for (RecommenderModel.Pick p : picks.items()) {
      if (!p.personal()) {
        put(fillSource, new ScoredItem(p.item(), p.score(), Reason.PopularIn.global()));
      } else if (put(source, new ScoredItem(p.item(), p.score(), UNEXPLAINED))) {
        unexplained.put(p.item(), picks);
      }
    }
  }

  /** Whether the item was taken (it is neither excluded nor proposed before). */
  private boolean put(String source, ScoredItem s) {
    return !exclude.contains(s.item()) && byItem.putIfAbsent(s.item(), new Entry(s, source)) == null;
  }

  /**
   * The reason to show for a candidate: a model pick's own reason, computed now; otherwise the reason it was
   * proposed with ({@code proposed}, as it came out of {@link #ranked()}).
   */
  Reason reasonOf(String item, Reason proposed) {
    RecommenderModel.Picks picks = unexplained.get(item);
    return picks == null ? proposed : picks.explain().apply(item);
  }

  int size() {
    return byItem.size();
  }

  /** The source that proposed {@code item} first; null when it is not a candidate. */
  String sourceOf(String item) {
    Entry e = byItem.get(item);
    return e == null ? null : e.source();
  }

  /** The merged candidates in priority order, scored by rank, each with its first reason. */
  List<ScoredItem> ranked() {
    List<ScoredItem> out = new ArrayList<>(byItem.size());
    double size = byItem.size();
    for (Entry e : byItem.values()) {
      out.add(new ScoredItem(e.scored().item(), 1 - out.size() / size, e.scored().reason()));
    }
    return out;
  }
}
