/**
 * Coupons and offers: unique codes from an unambiguous alphabet ({@link io.shopsense.core.campaign.coupon.CouponCodes}),
 * grants with expiry and abuse checks over the store's atomic budget ({@link
 * io.shopsense.core.campaign.coupon.CouponService}), redemption from {@code Coupon Applied} / {@code Order Completed}
 * events ({@link io.shopsense.core.campaign.coupon.CouponRedeemer}), and offer variants allocated by a
 * Thompson-sampling bandit within their budgets ({@link io.shopsense.core.campaign.coupon.OfferAllocator}).
 */
package io.shopsense.core.campaign.coupon;
