/**
 * Segments: the rule language ({@link io.shopsense.core.segment.Rule}, read from text or JSON into a checked tree of
 * {@link io.shopsense.core.segment.Condition}s and evaluated against a
 * {@link io.shopsense.core.segment.SegmentSubject}), a shop's segments compiled together in dependency order
 * ({@link io.shopsense.core.segment.SegmentSet}), and segment ids. The parser, the JSON reader and writer and the
 * evaluator live in {@code internal}.
 */
package io.shopsense.core.segment;
