package io.shopsense.core.imports;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A way to read source files into events: a format ({@code jsonl}, a {@code csv} with a column mapping) or a preset
 * for a known data set ({@code online_retail}, {@code olist}). Found by id through {@link ImportPresets}.
 *
 * <p>Contract: {@link #read} hands the context every source row it reads exactly once, counted with
 * {@link ImportContext#rowRead()}, and every such row becomes part of exactly one event, one rejected row
 * ({@link io.shopsense.core.collect.IncomingEvent#unmappable}) or one product with its raw row. Nothing is dropped;
 * that is what {@link ImportReport#reconciles()} checks. Implementations are stateless and thread-safe: the state of
 * one run lives inside {@code read}. Message ids must be deterministic, so that importing the same file twice stores
 * nothing twice.
 */
public interface ImportPreset {

  /** The id the CLI and the server name it by, e.g. {@code online_retail}. */
  String id();

  /** One line for a person: what it reads and what it makes of it. */
  String description();

  /**
   * Whether the preset reads an input of this name: a folder import offers it only those files. Formats read any
   * name; a preset of named tables only its tables.
   */
  default boolean reads(String input) {
    return true;
  }

  /**
   * Checks a job's input names and options before anything is read.
   *
   * @throws IllegalArgumentException naming what is missing or unknown, and what is accepted
   */
  void check(Set<String> inputs, Map<String, String> options);

  /**
   * Reads the job's inputs (through {@link ImportContext#open}) and hands rows, events and products to the context.
   *
   * @throws IOException              when an input cannot be read (the events already handed over stay ingested; a
   *                                  re-run stores nothing twice)
   * @throws IllegalArgumentException when an input does not have the shape the preset needs (e.g. a missing column)
   */
  void read(ImportJob job, ImportContext context) throws IOException;
}
