/** The catalog: checking and storing the shop's products from the API and imports. */
package io.shopsense.core.catalog;
