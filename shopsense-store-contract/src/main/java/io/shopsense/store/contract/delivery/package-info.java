/**
 * The contract suites of the delivery ports (outbox, leases, inbox) and of the dispatcher over a real outbox, each
 * extended by every backend's tests.
 */
package io.shopsense.store.contract.delivery;
