/** The catalog port and the product record. */
package io.shopsense.api.catalog;
