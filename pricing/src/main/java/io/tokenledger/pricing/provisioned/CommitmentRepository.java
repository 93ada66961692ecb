package io.tokenledger.pricing.provisioned;

import static io.tokenledger.db.jooq.Tables.PROVISIONED_COMMITMENT;

import io.tokenledger.db.jooq.tables.records.ProvisionedCommitmentRecord;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class CommitmentRepository {

    private final org.jooq.DSLContext dsl;

    CommitmentRepository(org.jooq.DSLContext dsl) {
        this.dsl = dsl;
    }

    Commitment insert(NewCommitment commitment, Long rateCardId, String createdBy) {
        return toCommitment(dsl.insertInto(PROVISIONED_COMMITMENT)
                .set(PROVISIONED_COMMITMENT.DEPLOYMENT, commitment.deployment())
                .set(PROVISIONED_COMMITMENT.EFFECTIVE_FROM, commitment.effectiveFrom())
                .set(PROVISIONED_COMMITMENT.BILLING, commitment.billing().name())
                .set(PROVISIONED_COMMITMENT.AMOUNT, commitment.amount())
                .set(PROVISIONED_COMMITMENT.CURRENCY, commitment.currency())
                .set(PROVISIONED_COMMITMENT.ALLOCATION, commitment.rule().name())
                .set(PROVISIONED_COMMITMENT.OWNER_TENANT, commitment.ownerTenant())
                .set(PROVISIONED_COMMITMENT.IDLE_TO, commitment.idleTo().name())
                .set(PROVISIONED_COMMITMENT.CAPACITY_TOKENS_PER_HOUR, commitment.capacityTokensPerHour())
                .set(PROVISIONED_COMMITMENT.RATE_CARD_ID, rateCardId)
                .set(PROVISIONED_COMMITMENT.REASON, commitment.reason())
                .set(PROVISIONED_COMMITMENT.CREATED_BY, createdBy)
                .returning()
                .fetchSingle());
    }

    boolean exists(String deployment, LocalDate effectiveFrom) {
        return dsl.fetchExists(
                PROVISIONED_COMMITMENT,
                PROVISIONED_COMMITMENT
                        .DEPLOYMENT
                        .eq(deployment)
                        .and(PROVISIONED_COMMITMENT.EFFECTIVE_FROM.eq(effectiveFrom)));
    }

    /** Every version, by deployment and effectiveFrom. */
    List<Commitment> all() {
        return dsl.selectFrom(PROVISIONED_COMMITMENT)
                .orderBy(PROVISIONED_COMMITMENT.DEPLOYMENT, PROVISIONED_COMMITMENT.EFFECTIVE_FROM)
                .fetch(CommitmentRepository::toCommitment);
    }

    /** The versions that may be in force before {@code until}: all that start before it. */
    List<Commitment> startingBefore(LocalDate until) {
        return dsl.selectFrom(PROVISIONED_COMMITMENT)
                .where(PROVISIONED_COMMITMENT.EFFECTIVE_FROM.lt(until))
                .orderBy(PROVISIONED_COMMITMENT.DEPLOYMENT, PROVISIONED_COMMITMENT.EFFECTIVE_FROM)
                .fetch(CommitmentRepository::toCommitment);
    }

    private static Commitment toCommitment(ProvisionedCommitmentRecord row) {
        return new Commitment(
                row.getCommitmentId(),
                row.getDeployment(),
                row.getEffectiveFrom(),
                Billing.valueOf(row.getBilling()),
                row.getAmount(),
                row.getCurrency(),
                AllocationRule.valueOf(row.getAllocation()),
                row.getOwnerTenant(),
                IdleAssignee.valueOf(row.getIdleTo()),
                row.getCapacityTokensPerHour(),
                row.getRateCardId(),
                row.getReason(),
                row.getCreatedAt().toInstant(),
                row.getCreatedBy());
    }
}
