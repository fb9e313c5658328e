package io.shopsense.core.recommend.internal;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recent popularity: an item's score is its column sum in the (time-decayed) matrix, the same for everyone. With an
 * item → category map it also ranks within a category. Not personal: known users get the global list too.
 */
public final class PopularityModel extends ModelBase {
  public static final String NAME = "popularity";
  /** Category by item index; null where the item has none. */
  private final String[] categories;

  private PopularityModel(String digest, Instant trainedAt, Interactions data, String[] categories) {
    super(NAME, digest, trainedAt, data);
    this.categories = categories;
  }

  /** The model over {@code data}; items missing from {@code itemCategories} have no category. */
  public static PopularityModel train(String digest, Instant trainedAt, Interactions data,
      Map<String, String> itemCategories) {
    String[] categories = new String[data.itemCount()];
    for (int i = 0; i < categories.length; i++) {
      categories[i] = itemCategories.get(data.itemId(i));
    }
    return new PopularityModel(digest, trainedAt, data, categories);
  }

  /** The most popular items of {@code category}, best first, none of {@code exclude}, each {@code PopularIn}. */
  public List<ScoredItem> recommendInCategory(String category, int n, Set<String> exclude) {
    Objects.requireNonNull(category, "category");
    boolean[] allowed = allowedItems(exclude);
    for (int i = 0; i < allowed.length; i++) {
      allowed[i] &= category.equals(categories[i]);
    }
    List<ScoredItem> out = new ArrayList<>();
    Reason reason = Reason.PopularIn.category(category);
    for (int i : TopN.select(popularity, allowed, 0, n)) {
      out.add(new ScoredItem(data.itemId(i), popularity[i], reason));
    }
    return out;
  }

  @Override
  double[] personalScores(int user) {
    return popularity.clone();
  }

  @Override
  Reason reason(int user, int item) {
    return Reason.PopularIn.global();
  }

  @Override
  void writeParameters(DataOutput out) throws IOException {
    for (String c : categories) {
      out.writeBoolean(c != null);
      if (c != null) {
        out.writeUTF(c);
      }
    }
  }

  static PopularityModel read(String digest, Instant trainedAt, Interactions data, DataInput in) throws IOException {
    String[] categories = new String[data.itemCount()];
    for (int i = 0; i < categories.length; i++) {
      categories[i] = in.readBoolean() ? in.readUTF() : null;
    }
    return new PopularityModel(digest, trainedAt, data, categories);
  }
}
