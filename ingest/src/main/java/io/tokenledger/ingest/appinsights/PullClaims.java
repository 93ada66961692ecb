package io.tokenledger.ingest.appinsights;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes one instance at a time pull a source: a lease on the source's watermark row, taken before a pull, renewed by
 * every booked window and released after the pull. An instance that dies mid-pull loses its claim when the lease
 * runs out.
 */
@Service
class PullClaims {

    private final WatermarkRepository watermarks;

    PullClaims(WatermarkRepository watermarks) {
        this.watermarks = watermarks;
    }

    /**
     * @return the watermark when this instance now holds the pull (empty inside for a source never read); empty when
     *     another instance is pulling
     */
    @Transactional
    public Optional<Optional<Instant>> claim(String source, String owner, Duration lease) {
        return watermarks.claim(source, owner, lease);
    }

    /** Ends the claim; {@code error} is the failure of the pull, null after a pull that read everything. */
    @Transactional
    public void release(String source, String owner, String error) {
        watermarks.release(source, owner, error);
    }
}
