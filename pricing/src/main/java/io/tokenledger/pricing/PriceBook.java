package io.tokenledger.pricing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rate-card versions that can price a batch, answering which version prices usage of a deployment and model on
 * a business day. Each (kind, pattern) has its own version history; among the patterns whose version is in force on
 * the day, precedence follows {@link MatchKind}.
 */
public final class PriceBook {

    private final Map<String, NavigableMap<LocalDate, RateCard>> deployments;
    private final Map<String, NavigableMap<LocalDate, RateCard>> models;
    private final List<PatternHistory> prefixes;
    private final List<PatternHistory> regexes;

    private record PatternHistory(String pattern, Pattern regex, NavigableMap<LocalDate, RateCard> versions) {}

    PriceBook(List<RateCard> cards) {
        this.deployments = histories(cards, MatchKind.DEPLOYMENT);
        this.models = histories(cards, MatchKind.MODEL_EXACT);
        this.prefixes = histories(cards, MatchKind.MODEL_PREFIX).entrySet().stream()
                .map(entry -> new PatternHistory(entry.getKey(), null, entry.getValue()))
                .sorted(Comparator.comparing(
                                (PatternHistory history) -> history.pattern().length())
                        .reversed())
                .toList();
        this.regexes = histories(cards, MatchKind.MODEL_REGEX).entrySet().stream()
                .map(entry -> new PatternHistory(entry.getKey(), Pattern.compile(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparing((PatternHistory history) ->
                        history.versions().firstEntry().getValue().id()))
                .toList();
    }

    /** The version of a deployment card in force on {@code day}, ignoring model cards. */
    public Optional<RateCard> inForce(String deployment, LocalDate day) {
        return inForce(deployment, null, day);
    }

    /** The version that prices usage of {@code deployment} running {@code model} (may be null) on {@code day}. */
    public Optional<RateCard> inForce(String deployment, String model, LocalDate day) {
        Optional<RateCard> card = versionOn(deployments.get(deployment), day);
        if (card.isPresent() || model == null || model.isEmpty()) {
            return card;
        }
        card = versionOn(models.get(model), day);
        if (card.isPresent()) {
            return card;
        }
        for (PatternHistory prefix : prefixes) {
            if (model.startsWith(prefix.pattern())) {
                card = versionOn(prefix.versions(), day);
                if (card.isPresent()) {
                    return card;
                }
            }
        }
        for (PatternHistory regex : regexes) {
            if (regex.regex().matcher(model).matches()) {
                card = versionOn(regex.versions(), day);
                if (card.isPresent()) {
                    return card;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<RateCard> versionOn(NavigableMap<LocalDate, RateCard> versions, LocalDate day) {
        if (versions == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(versions.floorEntry(day)).map(Map.Entry::getValue);
    }

    private static Map<String, NavigableMap<LocalDate, RateCard>> histories(List<RateCard> cards, MatchKind kind) {
        return cards.stream()
                .filter(card -> card.matchKind() == kind)
                .collect(Collectors.groupingBy(
                        RateCard::pattern,
                        Collectors.toMap(RateCard::effectiveFrom, card -> card, (a, b) -> b, TreeMap::new)));
    }
}
