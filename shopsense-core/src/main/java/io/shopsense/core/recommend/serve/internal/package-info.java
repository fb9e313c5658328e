/**
 * Internals of the serving path: the content index for new-item cold start and exploration. Only
 * {@code io.shopsense.core.recommend.serve} uses these.
 */
package io.shopsense.core.recommend.serve.internal;
