/**
 * The import mappings: the JSONL and generic CSV formats, the Online Retail and Olist presets, and what they share
 * (gzip detection and byte counting, CSV tables with header checks, local date-times). The feature's public face
 * names them only in {@link io.shopsense.core.imports.ImportPresets} (the presets) and
 * {@link io.shopsense.core.imports.Importer} (the input streams).
 */
package io.shopsense.core.imports.internal;
