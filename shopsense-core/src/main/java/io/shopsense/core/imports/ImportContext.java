package io.shopsense.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.collect.IncomingEvent;
import java.io.IOException;
import java.io.InputStream;

/** What an {@link ImportPreset} reads from and writes to during one run. Not thread-safe: one preset, one thread. */
public interface ImportContext {

  /**
   * Opens a named input of the job, decompressed when it is gzip (detected by its magic bytes), with its bytes
   * counted for the progress bar. The caller closes it.
   *
   * @throws IllegalArgumentException when the job has no input of that name
   */
  InputStream open(String input) throws IOException;

  /** Counts one source row read: what the reconciliation and the progress bar count. */
  void rowRead();

  /**
   * An event for the ingest path; {@link IncomingEvent#rows()} says how many source rows it stands for (0 for an event
   * derived from rows already counted elsewhere, such as an identify per customer).
   */
  void event(IncomingEvent event);

  /**
   * A product for the catalog, in {@link io.shopsense.core.catalog.CatalogService}'s JSON form.
   *
   * @param raw    the source row it was read from (it then stands for that row: stored, it counts as accepted;
   *               refused by the catalog, it goes to the quarantine as an unmappable row), or null when it is derived
   *               from rows counted elsewhere
   * @param origin where it came from, e.g. {@code import products.csv line 7}
   */
  void product(JsonNode product, String raw, String origin);
}
