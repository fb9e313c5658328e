package io.shopsense.core.segment;

/** The right-hand side of a comparison: a constant, or another operand ({@code rfm.monetary > rfm.frequency}). */
public sealed interface Term permits Literal, Operand {}
