/**
 * Delivery: the channel SPI ({@link io.shopsense.api.delivery.DeliveryChannel}) every outbound message goes through, the
 * outbox that makes a send happen at most once per (campaign or journey, step, person), the in-app inbox, and leases
 * for work that must run on one node at a time. Ports and records only; the dispatcher is core's, the channels that
 * need libraries are the platform's.
 */
package io.shopsense.api.delivery;
