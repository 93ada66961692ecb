package io.tokenledger.web.users;

import io.tokenledger.web.api.ApiProblem;
import io.tokenledger.web.security.UserAccounts;
import io.tokenledger.web.security.UserAccounts.UserAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local users, for admins: {@code GET/POST /api/v1/users}, {@code GET/PUT /api/v1/users/{username}} (role and
 * tenants), {@code POST /api/v1/users/{username}/disable|enable|password}. Passwords go in, never out.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private final UserAccounts users;

    UsersController(UserAccounts users) {
        this.users = users;
    }

    record NewUserJson(String username, String password, String role, List<String> tenants) {}

    record UserChangeJson(String role, List<String> tenants) {}

    record PasswordJson(String password) {}

    @GetMapping
    List<Map<String, Object>> all() {
        return users.all().stream().map(UsersController::json).toList();
    }

    @GetMapping("/{username}")
    Map<String, Object> one(@PathVariable String username) {
        return json(
                users.find(username).orElseThrow(() -> ApiProblem.notFound("There is no user '" + username + "'.")));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody NewUserJson body) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be a user, e.g. {\"username\":\"ana\",\"password\":\"…\","
                    + "\"role\":\"TENANT_VIEWER\",\"tenants\":[\"acme\"]}.");
        }
        UserAccount created = users.create(body.username(), body.password(), body.role(), body.tenants());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(created));
    }

    /** Role and tenants; an absent field keeps its value. */
    @PutMapping("/{username}")
    Map<String, Object> update(@PathVariable String username, @RequestBody UserChangeJson body) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be {\"role\":\"…\",\"tenants\":[…]}.");
        }
        return json(users.update(username, body.role(), body.tenants()));
    }

    @PostMapping("/{username}/disable")
    Map<String, Object> disable(@PathVariable String username) {
        return json(users.setEnabled(username, false));
    }

    @PostMapping("/{username}/enable")
    Map<String, Object> enable(@PathVariable String username) {
        return json(users.setEnabled(username, true));
    }

    @PostMapping("/{username}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordJson body) {
        users.resetPassword(username, body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> json(UserAccount user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", user.username());
        json.put("role", user.role().name());
        json.put("tenants", user.tenants());
        json.put("enabled", user.enabled());
        json.put("createdAt", user.createdAt());
        return json;
    }
}
