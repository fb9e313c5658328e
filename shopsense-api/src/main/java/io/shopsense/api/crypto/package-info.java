/**
 * Protection of personal fields at rest: the cipher the stores seal personal values with, and the port through which
 * a store's sealed values are rewritten under the current key.
 */
package io.shopsense.api.crypto;
