package io.shopsense.core.recommend;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable user × item weighted matrix with dense indices, the input of every {@link Recommender}.
 *
 * <p>Users and items are indexed in the sorted order of their ids, so the same records in any order give the same
 * matrix. A cell is the sum of its records' signed weights ({@link InteractionWeights}, times {@link TimeDecay} when
 * given); a sum at or below zero (a refunded purchase without other signals) is dropped, so every stored weight is
 * positive. Users and items that end with no cell are not indexed. Stored twice, as CSR (rows) and CSC (columns), so
 * both a person's items and an item's people are read without a scan.
 *
 * <p>The matrix trusts its records: the caller leaves out the records of people without personalisation consent
 * before building it, so that their data never trains a model that serves others.
 */
public final class Interactions {
  private final String[] users;
  private final String[] items;
  private final Map<String, Integer> userIndex;
  private final Map<String, Integer> itemIndex;
  private final int[] rowPtr;
  private final int[] rowItems;
  private final double[] rowValues;
  private final int[] colPtr;
  private final int[] colUsers;
  private final double[] colValues;
  private final String weighting;

  private Interactions(String[] users, String[] items, int[] rowPtr, int[] rowItems, double[] rowValues,
      String weighting) {
    this.users = users;
    this.items = items;
    this.rowPtr = rowPtr;
    this.rowItems = rowItems;
    this.rowValues = rowValues;
    this.weighting = weighting;
    this.userIndex = indexOf(users);
    this.itemIndex = indexOf(items);
    // transpose the CSR into CSC with a counting pass; rows are visited in order so each column stays sorted by user
    colPtr = new int[items.length + 1];
    for (int item : rowItems) {
      colPtr[item + 1]++;
    }
    for (int i = 0; i < items.length; i++) {
      colPtr[i + 1] += colPtr[i];
    }
    colUsers = new int[rowItems.length];
    colValues = new double[rowItems.length];
    int[] next = Arrays.copyOf(colPtr, items.length);
    for (int u = 0; u < users.length; u++) {
      for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
        int at = next[rowItems[k]]++;
        colUsers[at] = u;
        colValues[at] = rowValues[k];
      }
    }
  }

  /** Builds the matrix from records without time decay. */
  public static Interactions of(Iterable<Interaction> records, InteractionWeights weights) {
    return of(records, weights, Optional.empty());
  }

  /** Builds the matrix from records, each weighted by kind and quantity and, when {@code decay} is given, by age. */
  public static Interactions of(Iterable<Interaction> records, InteractionWeights weights, Optional<TimeDecay> decay) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(decay, "decay");
    Map<String, Map<String, Double>> sums = new HashMap<>();
    for (Interaction r : records) {
      double w = weights.of(r.kind(), r.quantity()) * decay.map(d -> d.factor(r.time())).orElse(1.0);
      sums.computeIfAbsent(r.user(), u -> new HashMap<>()).merge(r.item(), w, Double::sum);
    }
    TreeMap<String, TreeMap<String, Double>> kept = new TreeMap<>();
    TreeSet<String> itemIds = new TreeSet<>();
    sums.forEach((user, row) -> row.forEach((item, w) -> {
      if (w > 0) {
        kept.computeIfAbsent(user, u -> new TreeMap<>()).put(item, w);
        itemIds.add(item);
      }
    }));
    String[] items = itemIds.toArray(String[]::new);
    Map<String, Integer> itemIdx = indexOf(items);
    String[] users = kept.keySet().toArray(String[]::new);
    int nnz = kept.values().stream().mapToInt(Map::size).sum();
    int[] rowPtr = new int[users.length + 1];
    int[] rowItems = new int[nnz];
    double[] rowValues = new double[nnz];
    int k = 0;
    int u = 0;
    for (TreeMap<String, Double> row : kept.values()) {
      for (Map.Entry<String, Double> cell : row.entrySet()) {
        rowItems[k] = itemIdx.get(cell.getKey());
        rowValues[k++] = cell.getValue();
      }
      rowPtr[++u] = k;
    }
    String weighting = weights.canonical() + decay.map(TimeDecay::canonical).orElse("decay=none\n");
    return new Interactions(users, items, rowPtr, rowItems, rowValues, weighting);
  }

  private static Map<String, Integer> indexOf(String[] ids) {
    Map<String, Integer> index = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      index.put(ids[i], i);
    }
    return index;
  }

  public int userCount() {
    return users.length;
  }

  public int itemCount() {
    return items.length;
  }

  /** Number of stored (positive) cells. */
  public int cellCount() {
    return rowItems.length;
  }

  public String userId(int user) {
    return users[user];
  }

  public String itemId(int item) {
    return items[item];
  }

  /** Item ids in index order (a copy). */
  public List<String> itemIds() {
    return List.of(items);
  }

  public OptionalInt userIndex(String userId) {
    Integer i = userIndex.get(userId);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  public OptionalInt itemIndex(String itemId) {
    Integer i = itemIndex.get(itemId);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The user's items (sorted by index) and weights. */
  public Row row(int user) {
    return new Row(Arrays.copyOfRange(rowItems, rowPtr[user], rowPtr[user + 1]),
        Arrays.copyOfRange(rowValues, rowPtr[user], rowPtr[user + 1]));
  }

  /** The item's users (sorted by index) and weights. */
  public Row column(int item) {
    return new Row(Arrays.copyOfRange(colUsers, colPtr[item], colPtr[item + 1]),
        Arrays.copyOfRange(colValues, colPtr[item], colPtr[item + 1]));
  }

  /** The weight of a cell, 0 when absent. */
  public double get(int user, int item) {
    int at = Arrays.binarySearch(rowItems, rowPtr[user], rowPtr[user + 1], item);
    return at >= 0 ? rowValues[at] : 0;
  }

  /** Sum of each item's column: the (decayed) popularity. */
  public double[] columnSums() {
    double[] sums = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      for (int k = colPtr[i]; k < colPtr[i + 1]; k++) {
        sums[i] += colValues[k];
      }
    }
    return sums;
  }

  /** The canonical text of the weights and decay this matrix was built with; part of every model's settings digest. */
  public String weighting() {
    return weighting;
  }

  /** Writes the matrix (ids, CSR and weighting) in the model byte format. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeUTF(weighting);
    writeIds(out, users);
    writeIds(out, items);
    out.writeInt(rowItems.length);
    for (int p : rowPtr) {
      out.writeInt(p);
    }
    for (int i = 0; i < rowItems.length; i++) {
      out.writeInt(rowItems[i]);
      out.writeDouble(rowValues[i]);
    }
  }

  /** Reads what {@link #writeTo} wrote. */
  public static Interactions readFrom(DataInput in) throws IOException {
    String weighting = in.readUTF();
    String[] users = readIds(in);
    String[] items = readIds(in);
    int nnz = in.readInt();
    int[] rowPtr = new int[users.length + 1];
    for (int i = 0; i < rowPtr.length; i++) {
      rowPtr[i] = in.readInt();
    }
    int[] rowItems = new int[nnz];
    double[] rowValues = new double[nnz];
    for (int i = 0; i < nnz; i++) {
      rowItems[i] = in.readInt();
      rowValues[i] = in.readDouble();
    }
    return new Interactions(users, items, rowPtr, rowItems, rowValues, weighting);
  }

  private static void writeIds(DataOutput out, String[] ids) throws IOException {
    out.writeInt(ids.length);
    for (String id : ids) {
      out.writeUTF(id);
    }
  }

  private static String[] readIds(DataInput in) throws IOException {
    String[] ids = new String[in.readInt()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = in.readUTF();
    }
    return ids;
  }

  /** A sparse row or column: parallel arrays of indices (ascending) and positive weights. */
  public record Row(int[] indices, double[] values) {
    public int size() {
      return indices.length;
    }
  }
}
