package io.tokenledger.web.ingest;

import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.IngestKeys;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest-keys} {@code {"name":"apim-prod"}} → {@code {"name":…,"key":"tlk_…"}}, the key shown
 * this once; {@code GET} lists keys without them; {@code DELETE /api/v1/ingest-keys/{name}} revokes.
 */
@RestController
@RequestMapping("/api/v1/ingest-keys")
class IngestKeysController {

    private final IngestKeys keys;

    IngestKeysController(IngestKeys keys) {
        this.keys = keys;
    }

    record NewIngestKey(String name) {}

    @PostMapping
    ResponseEntity<Map<String, String>> create(@RequestBody NewIngestKey body, Principal principal) {
        if (body == null || body.name() == null) {
            throw ApiProblem.badRequest("name is required, e.g. {\"name\":\"apim-prod\"}");
        }
        String key;
        try {
            key = keys.create(body.name(), principal.getName());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    e.getMessage().contains("exists") ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of(
                        "name",
                        body.name().trim(),
                        "key",
                        key,
                        "note",
                        "Store the key now: it is not shown again. Send it as 'Authorization: Bearer <key>'."));
    }

    @GetMapping
    List<IngestKeys.IngestKey> all() {
        return keys.all();
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> revoke(@PathVariable String name) {
        if (!keys.revoke(name)) {
            throw ApiProblem.notFound("There is no active ingest key named '" + name + "'.");
        }
        return ResponseEntity.noContent().build();
    }
}
