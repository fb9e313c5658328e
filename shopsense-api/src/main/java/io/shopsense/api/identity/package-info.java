/** The identity ports: the {@link io.shopsense.api.identity.IdentityGraph} of persons and their identifiers, merges
 * and refused merges, and the {@link io.shopsense.api.identity.TraitStore}. */
package io.shopsense.api.identity;
