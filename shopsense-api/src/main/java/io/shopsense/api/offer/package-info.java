/**
 * Offers (issue 6): message templates and their content categories, coupon pools and grants, offer variants with
 * their allocation log, and the ports the offer logic needs — {@link io.shopsense.api.offer.CouponStore},
 * {@link io.shopsense.api.offer.OfferStore}, {@link io.shopsense.api.offer.SharedIdentifiers} (abuse checks) and
 * {@link io.shopsense.api.offer.ItemSlot} (recommended items in a message). JDK only.
 */
package io.shopsense.api.offer;
