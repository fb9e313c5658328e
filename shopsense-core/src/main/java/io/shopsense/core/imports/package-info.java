/**
 * Imports of history: {@link io.shopsense.core.imports.Importer} reads CSV or JSONL files (gzip or plain) through a
 * named {@link io.shopsense.core.imports.ImportPreset} (a format such as {@code jsonl} or {@code csv}, or a
 * column-mapping preset for a known data set such as {@code online_retail} or {@code olist}) and sends every event
 * through the one ingest path ({@link io.shopsense.core.collect.Ingestor}) in historical mode, and every product
 * through {@link io.shopsense.core.catalog.CatalogService}. It owns the reconciliation of an import: every source row
 * read ends up accepted, duplicate or rejected (kept whole in the quarantine with its reason), never dropped. The
 * mappings live in {@code internal}.
 */
package io.shopsense.core.imports;
