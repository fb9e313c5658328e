/**
 * The event hierarchy: {@link io.shopsense.api.event.Identify}, {@link io.shopsense.api.event.Alias},
 * {@link io.shopsense.api.event.Page} and the {@link io.shopsense.api.event.TrackEvent}s, among them the standard
 * e-commerce events as typed records. Events are immutable, past-tense facts.
 */
package io.shopsense.api.event;
