/**
 * Serving recommendations: scenes, the model set trained and swapped as one version, cold start, consent and rules
 * on the request path.
 */
package io.shopsense.core.recommend.serve;
