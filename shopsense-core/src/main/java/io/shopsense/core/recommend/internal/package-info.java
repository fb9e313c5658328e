/**
 * Internals of recommendations: the model implementations, top-n selection and the binary model format. Only
 * {@code io.shopsense.core.recommend} uses these.
 */
package io.shopsense.core.recommend.internal;
