package io.shopsense.api.offer;

/** A variant's record so far: people allocated to it (exposures) and those who converted. */
public record VariantStats(String variantId, long exposures, long conversions) {
  public VariantStats {
    if (exposures < 0 || conversions < 0 || conversions > exposures) {
      throw new IllegalArgumentException("variant " + variantId + ": need 0 <= conversions <= exposures, got "
          + conversions + "/" + exposures);
    }
  }
}
