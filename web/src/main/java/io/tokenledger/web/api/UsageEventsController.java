package io.tokenledger.web.api;

import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.IngestResult;
import io.tokenledger.ingest.format.PayloadException;
import io.tokenledger.ingest.format.UsagePayloadParser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/usage-events}: the HTTP source. The body is read within the size limit, parsed in any
 * accepted format and handed to the ingest pipeline; a body that cannot be read at all is kept as a dead letter
 * and answered with a problem.
 */
@RestController
@RequestMapping("/api/v1/usage-events")
class UsageEventsController {

    static final String SOURCE = "http";

    private final UsagePayloadParser parser;
    private final IngestPipeline pipeline;
    private final IngestProperties properties;

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
        try {
            return pipeline.ingest(SOURCE, parser.parse(body, request.getContentType()));
        } catch (PayloadException e) {
            pipeline.rejectPayload(SOURCE, new String(body, StandardCharsets.UTF_8), e.getMessage());
            throw new ApiProblem(
                    e.kind() == PayloadException.Kind.UNSUPPORTED_MEDIA_TYPE
                            ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                            : HttpStatus.BAD_REQUEST,
                    withPeriod(e.getMessage()) + " The payload was kept as a dead letter.");
        }
    }

    private static String withPeriod(String sentence) {
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
