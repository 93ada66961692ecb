package io.tokenledger.pricing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The rate-card versions of a set of deployments, answering which version is in force on a business day. */
public final class PriceBook {

    private final Map<String, NavigableMap<LocalDate, RateCard>> byDeployment;

    PriceBook(List<RateCard> cards) {
        this.byDeployment = cards.stream()
                .sorted(Comparator.comparing(RateCard::effectiveFrom))
                .collect(Collectors.groupingBy(
                        RateCard::deployment,
                        Collectors.toMap(RateCard::effectiveFrom, card -> card, (a, b) -> b, TreeMap::new)));
    }

    /** The version of {@code deployment} in force on {@code day}, if any has been published. */
    public Optional<RateCard> inForce(String deployment, LocalDate day) {
        NavigableMap<LocalDate, RateCard> versions = byDeployment.get(deployment);
        if (versions == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(versions.floorEntry(day)).map(Map.Entry::getValue);
    }
}
