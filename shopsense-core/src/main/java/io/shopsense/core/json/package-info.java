/** The JSON form of ShopSense's records: one configured mapper, and the JDK value model of properties. */
package io.shopsense.core.json;
