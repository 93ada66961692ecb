package io.tokenledger.pricing.provisioned;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.PricingProperties;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisioned (PTU) commitments: immutable, effective-dated versions per deployment. Publishing a version also
 * publishes a zero-price rate card for the deployment from the same day (a deployment card wins over every model
 * card), so tokens on a provisioned deployment are counted but cost nothing per token; the fixed cost reaches the
 * tenants through {@link CapacityAllocation}.
 */
@Service
public class ProvisionedCommitments {

    private static final int MAX_LENGTH = 200;
    private static final Prices ZERO = new Prices(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    private final CommitmentRepository repository;
    private final RateCards rateCards;
    private final BusinessCalendar calendar;
    private final PricingProperties.Provisioned settings;

    ProvisionedCommitments(
            CommitmentRepository repository,
            RateCards rateCards,
            BusinessCalendar calendar,
            PricingProperties properties) {
        this.repository = repository;
        this.rateCards = rateCards;
        this.calendar = calendar;
        this.settings = properties.pricing().provisioned();
    }

    /**
     * Publishes a version and, unless it ends the commitment, the zero-price rate card of its deployment (which
     * re-prices the deployment's stored usage from that day, like any rate card).
     *
     * @throws RejectedException naming the wrong field, or {@code effectiveFrom} when the deployment already
     *     has a commitment version or a deployment rate card from that day
     */
    @Transactional
    public Commitment publish(NewCommitment commitment, String createdBy) {
        NewCommitment checked = validate(commitment);
        if (repository.exists(checked.deployment(), checked.effectiveFrom())) {
            throw RejectedException.conflict(
                    "effectiveFrom",
                    "deployment '" + checked.deployment() + "' already has a commitment version effective from "
                            + checked.effectiveFrom() + "; versions are immutable, publish one with another"
                            + " effectiveFrom");
        }
        Long rateCardId = null;
        if (checked.billing() != Billing.ENDED) {
            try {
                RateCard card = rateCards.publish(
                        new NewRateCard(
                                MatchKind.DEPLOYMENT,
                                checked.deployment(),
                                rateCards.reportingCurrency(),
                                checked.effectiveFrom(),
                                ZERO,
                                null,
                                "provisioned commitment: tokens are counted, the fixed cost is allocated"),
                        createdBy);
                rateCardId = card.id();
            } catch (RejectedException e) {
                throw RejectedException.conflict(
                        "effectiveFrom",
                        "deployment '" + checked.deployment() + "' already has a rate card version effective from "
                                + checked.effectiveFrom() + "; a provisioned commitment needs its own zero-price"
                                + " version that day, choose another effectiveFrom");
            }
        }
        return repository.insert(checked, rateCardId, createdBy);
    }

    @Transactional(readOnly = true)
    public List<Commitment> all() {
        return repository.all();
    }

    /** The tenant key that carries idle capacity assigned to the shared pool. */
    public String sharedPoolTenant() {
        return settings.sharedPoolTenant();
    }

    /**
     * The commitment versions in force in {@code period}, per deployment (by name), each clipped to the period;
     * versions that end a commitment have no span.
     */
    @Transactional(readOnly = true)
    public Map<String, List<CommitmentSpan>> spans(YearMonth period) {
        LocalDate start = period.atDay(1);
        LocalDate end = period.plusMonths(1).atDay(1);
        ZoneId zone = calendar.zone();
        Map<String, List<Commitment>> byDeployment = new LinkedHashMap<>();
        for (Commitment commitment : repository.startingBefore(end)) {
            byDeployment
                    .computeIfAbsent(commitment.deployment(), key -> new ArrayList<>())
                    .add(commitment);
        }
        Map<String, List<CommitmentSpan>> spans = new LinkedHashMap<>();
        byDeployment.forEach((deployment, versions) -> {
            for (int i = 0; i < versions.size(); i++) {
                Commitment version = versions.get(i);
                LocalDate from = version.effectiveFrom().isBefore(start) ? start : version.effectiveFrom();
                LocalDate until = i + 1 < versions.size() ? versions.get(i + 1).effectiveFrom() : end;
                until = until.isAfter(end) ? end : until;
                if (version.billing() == Billing.ENDED || !from.isBefore(until)) {
                    continue;
                }
                long hours = Duration.between(from.atStartOfDay(zone), until.atStartOfDay(zone))
                        .toHours();
                spans.computeIfAbsent(deployment, key -> new ArrayList<>())
                        .add(new CommitmentSpan(version, from, until, hours));
            }
        });
        return spans;
    }

    private static NewCommitment validate(NewCommitment commitment) {
        String deployment =
                commitment.deployment() == null ? "" : commitment.deployment().trim();
        if (deployment.isEmpty() || deployment.length() > MAX_LENGTH) {
            throw RejectedException.invalid(
                    "deployment", "deployment is required (1 to " + MAX_LENGTH + " characters)");
        }
        if (commitment.effectiveFrom() == null) {
            throw RejectedException.invalid("effectiveFrom", "effectiveFrom is required (a day, YYYY-MM-DD)");
        }
        if (commitment.billing() == null) {
            throw RejectedException.invalid("billing", "billing is required: hourly, monthly or ended");
        }
        if (commitment.amount() == null || commitment.amount().signum() < 0) {
            throw RejectedException.invalid(
                    "amount", "amount is required and must not be negative (per hour or per month)");
        }
        BigDecimal amount = DecimalBounds.check("amount", commitment.amount());
        String currency;
        try {
            currency = Currency.getInstance(
                            commitment.currency() == null
                                    ? ""
                                    : commitment.currency().trim().toUpperCase(Locale.ROOT))
                    .getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw RejectedException.invalid(
                    "currency",
                    "currency must be an ISO 4217 code such as USD or EUR, was '" + commitment.currency() + "'");
        }
        String owner =
                commitment.ownerTenant() == null || commitment.ownerTenant().isBlank()
                        ? null
                        : commitment.ownerTenant().trim();
        if (owner == null && commitment.rule() == AllocationRule.OWNER) {
            throw RejectedException.invalid("ownerTenant", "ownerTenant is required when allocation is owner");
        }
        if (owner == null && commitment.idleTo() == IdleAssignee.OWNER) {
            throw RejectedException.invalid("ownerTenant", "ownerTenant is required when idleTo is owner");
        }
        if (owner != null && owner.length() > MAX_LENGTH) {
            throw RejectedException.invalid("ownerTenant", "ownerTenant must be at most " + MAX_LENGTH + " characters");
        }
        if (commitment.capacityTokensPerHour() != null && commitment.capacityTokensPerHour() <= 0) {
            throw RejectedException.invalid(
                    "capacityTokensPerHour", "capacityTokensPerHour must be positive when given");
        }
        if (commitment.reason() != null && commitment.reason().length() > 1000) {
            throw RejectedException.invalid("reason", "reason must be at most 1000 characters");
        }
        return new NewCommitment(
                deployment,
                commitment.effectiveFrom(),
                commitment.billing(),
                amount,
                currency,
                commitment.rule(),
                owner,
                commitment.idleTo(),
                commitment.capacityTokensPerHour(),
                commitment.reason());
    }
}
