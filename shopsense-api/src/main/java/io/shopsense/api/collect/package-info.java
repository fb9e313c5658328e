/**
 * The collection ports: the {@link io.shopsense.api.collect.EventLog}, the
 * {@link io.shopsense.api.collect.Quarantine} of rejected records, the data-quality counters and the log consumers'
 * offsets.
 */
package io.shopsense.api.collect;
