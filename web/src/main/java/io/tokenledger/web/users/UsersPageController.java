package io.tokenledger.web.users;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.web.pages.PageContext;
import io.tokenledger.web.security.OidcSignIn;
import io.tokenledger.web.security.Role;
import io.tokenledger.web.security.UserAccounts;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The users page, for admins: add a user, change role and tenants, disable or enable, reset a password. */
@Controller
class UsersPageController {

    private final UserAccounts users;
    private final OidcSignIn oidc;
    private final BusinessCalendar calendar;
    private final RateCards rateCards;

    UsersPageController(UserAccounts users, OidcSignIn oidc, BusinessCalendar calendar, RateCards rateCards) {
        this.users = users;
        this.oidc = oidc;
        this.calendar = calendar;
        this.rateCards = rateCards;
    }

    /** A user as the table shows it. */
    record UserRow(String username, String role, String tenants, boolean enabled, String created) {}

    @GetMapping("/users")
    String page(Model model) {
        PageContext.add(model, calendar, rateCards.reportingCurrency());
        model.addAttribute(
                "users",
                users.all().stream()
                        .map(user -> new UserRow(
                                user.username(),
                                user.role().name(),
                                String.join(", ", user.tenants()),
                                user.enabled(),
                                user.createdAt()
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalDate()
                                        .toString()))
                        .toList());
        model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::name).toList());
        model.addAttribute("minLength", users.passwordMinLength());
        model.addAttribute("oidc", oidc.enabled());
        model.addAttribute("oidcName", oidc.displayName());
        return "users";
    }

    @PostMapping("/users")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String tenants,
            RedirectAttributes redirect) {
        return change(
                redirect,
                "Added " + username.strip() + ".",
                () -> users.create(username, password, role, keys(tenants)));
    }

    @PostMapping("/users/{username}/access")
    String access(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String tenants,
            RedirectAttributes redirect) {
        return change(redirect, "Saved " + username + ".", () -> users.update(username, role, keys(tenants)));
    }

    @PostMapping("/users/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return change(
                redirect,
                (enabled ? "Enabled " : "Disabled ") + username + ".",
                () -> users.setEnabled(username, enabled));
    }

    @PostMapping("/users/{username}/password")
    String password(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        return change(redirect, "Password of " + username + " reset.", () -> {
            users.resetPassword(username, password);
            return null;
        });
    }

    private static String change(RedirectAttributes redirect, String notice, java.util.function.Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/users";
    }

    private static List<String> keys(String tenants) {
        return Arrays.stream(tenants.split("[,\\s]+"))
                .filter(key -> !key.isBlank())
                .toList();
    }
}
