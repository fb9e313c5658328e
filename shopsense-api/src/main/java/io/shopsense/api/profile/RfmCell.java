package io.shopsense.api.profile;

/** One cell of the RFM grid: recency, frequency and monetary scores, each 1–5. */
public record RfmCell(int recency, int frequency, int monetary) {}
