package io.tokenledger.pricing;

/**
 * What a rate card's pattern is matched against, in order of precedence: a card for the deployment itself wins
 * over one for its model's exact name, which wins over the longest matching model prefix, which wins over a
 * model regular expression (the oldest regex card wins among several).
 */
public enum MatchKind {
    DEPLOYMENT,
    MODEL_EXACT,
    MODEL_PREFIX,
    MODEL_REGEX
}
