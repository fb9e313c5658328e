/**
 * Customer profiles: each a pure, order-insensitive fold over the person's events, so that real-time updates, a
 * local batch rebuild and a Spark job compute the same thing with the same code.
 */
package io.shopsense.core.profile;
