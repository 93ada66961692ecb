package io.tokenledger.web.ingest;

import io.tokenledger.ingest.DeadLetter;
import io.tokenledger.ingest.DeadLetters;
import io.tokenledger.web.api.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dead-letters?limit&before&includeReplayed} (newest first, keyset paging with {@code before}
 * = the last id seen) and {@code POST /api/v1/dead-letters/{id}/replay}.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLettersController {

    private static final int MAX_LIMIT = 500;

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Map<String, Object> page(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "false") boolean includeReplayed) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        List<DeadLetter> page = deadLetters.page(before, limit, includeReplayed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("next", page.size() == limit ? page.getLast().id() : null);
        return body;
    }

    @PostMapping("/{id}/replay")
    DeadLetters.ReplayOutcome replay(@PathVariable long id) {
        return deadLetters
                .replay(id)
                .orElseThrow(() -> ApiProblem.notFound("There is no dead letter with id " + id + "."));
    }
}
