package se.halsolage.analysis;

/**
 * One notable finding for "Vad sticker ut": one Swedish sentence and a score for ranking (higher first).
 */
public record Finding(String indicatorId, String text, double score, Verdict verdict) {
}
