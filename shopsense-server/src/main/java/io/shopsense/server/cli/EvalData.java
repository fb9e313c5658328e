package io.shopsense.server.cli;

import io.shopsense.core.recommend.Interaction;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;

/**
 * The input of {@code shopsense eval}: interaction records of one data set, its catalog (every item that may be
 * recommended, distinct ids) and an item similarity in [0, 1] for intra-list diversity.
 *
 * @param source      a one-line description of where the records came from
 * @param records     the records in time order of the source (the split does not need them sorted)
 * @param catalog     distinct item ids
 * @param similarity  item similarity in [0, 1]
 * @param similarityName what the similarity means, printed beside the table
 */
public record EvalData(String source, List<Interaction> records, List<String> catalog,
    ToDoubleBiFunction<String, String> similarity, String similarityName) {
  public EvalData {
    Objects.requireNonNull(source, "source");
    records = List.copyOf(records);
    catalog = List.copyOf(catalog);
    Objects.requireNonNull(similarity, "similarity");
  }
}
