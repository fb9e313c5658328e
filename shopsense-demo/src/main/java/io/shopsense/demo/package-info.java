/**
 * The demo shop: a deterministic, seeded generator of a realistic online shop — a catalog and its customers' events in
 * the tracking spec — for {@code ./shopsense demo}, tests and benchmarks.
 *
 * <p>The public face is {@link io.shopsense.demo.DemoShop} with {@link io.shopsense.demo.DemoSettings},
 * {@link io.shopsense.demo.DemoSummary} and, for the malformed feed, {@link io.shopsense.demo.LabelledEvent} and
 * {@link io.shopsense.demo.Defect}. Everything else is package-private: the category tree and markets, the catalog,
 * calendar and population builders, the day-by-day simulation of sessions, checkouts and identity, and the JSON
 * writer. The module depends on the API module and Jackson only; its tests check the output against the real ingest
 * and catalog rules of {@code shopsense-core}.
 */
package io.shopsense.demo;
