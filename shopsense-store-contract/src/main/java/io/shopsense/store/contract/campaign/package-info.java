/** The contract suites of the contact-pressure policy's ports, run against every backend. */
package io.shopsense.store.contract.campaign;
