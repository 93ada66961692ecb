package io.tokenledger.web.ingest;

import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.IngestResult;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.PayloadException;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.web.api.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/usage-events}: the HTTP source. The body is read within the size limit, parsed in any
 * accepted format and handed to the ingest pipeline; a body that cannot be read at all is kept as a dead letter
 * and answered with a problem.
 *
 * <p>At most {@link #CONCURRENT_BATCHES} batches are written at a time; more wait their turn, in order. Each batch's
 * transaction holds up to two of the 10 pooled connections (its own, and one for the status and budget checks after
 * its commit), so a burst of concurrent requests each holding one and waiting for a second would otherwise starve
 * the pool. A batch that cannot get its turn within {@link #TURN_WAIT} is answered 503 with nothing of it stored.
 */
@RestController
@RequestMapping("/api/v1/usage-events")
class UsageEventsController {

    static final String SOURCE = "http";

    static final int CONCURRENT_BATCHES = 4;
    static final Duration TURN_WAIT = Duration.ofSeconds(60);

    private final UsagePayloadParser parser;
    private final IngestPipeline pipeline;
    private final IngestProperties properties;
    private final Semaphore turns = new Semaphore(CONCURRENT_BATCHES, true);

    UsageEventsController(UsagePayloadParser parser, IngestPipeline pipeline, IngestProperties properties) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.properties = properties;
    }

    @PostMapping
    IngestResult ingest(HttpServletRequest request) throws IOException {
        byte[] body = BoundedBody.read(
                request.getInputStream(),
                request.getContentLengthLong(),
                properties.http().maxBodySize().toBytes());
        List<ParsedRecord> records;
        try {
            records = parser.parse(body, request.getContentType());
        } catch (PayloadException e) {
            pipeline.rejectPayload(SOURCE, new String(body, StandardCharsets.UTF_8), e.getMessage());
            throw new ApiProblem(
                    e.kind() == PayloadException.Kind.UNSUPPORTED_MEDIA_TYPE
                            ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                            : HttpStatus.BAD_REQUEST,
                    withPeriod(e.getMessage()) + " The payload was kept as a dead letter.");
        }
        awaitTurn();
        try {
            return pipeline.ingest(SOURCE, records);
        } finally {
            turns.release();
        }
    }

    private void awaitTurn() {
        try {
            if (turns.tryAcquire(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Too many batches are being written at once; nothing of this one was stored. Send it again in a"
                        + " moment.");
    }

    private static String withPeriod(String sentence) {
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
