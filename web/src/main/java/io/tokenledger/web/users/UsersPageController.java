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
import java.util.function.Function;
import java.util.function.Supplier;
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

    /** The new-user form; {@code tenants} are keys separated by commas or spaces. {@link UserAccounts} checks it. */
    record NewUserForm(String username, String password, String role, String tenants) {}

    /** A user's role and tenants; a blank role keeps the current one, blank tenants mean none. */
    record AccessForm(String role, String tenants) {}

    /** A new password, as typed. */
    record PasswordForm(String password) {}

    @PostMapping("/users")
    String create(NewUserForm form, RedirectAttributes redirect) {
        return change(
                redirect,
                created -> "Added " + created.username() + ".",
                () -> users.create(form.username(), form.password(), form.role(), keys(form.tenants())));
    }

    @PostMapping("/users/{username}/access")
    String access(@PathVariable String username, AccessForm form, RedirectAttributes redirect) {
        return change(
                redirect,
                saved -> "Saved " + username + ".",
                () -> users.update(username, form.role(), keys(form.tenants())));
    }

    @PostMapping("/users/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return change(
                redirect,
                changed -> (enabled ? "Enabled " : "Disabled ") + username + ".",
                () -> users.setEnabled(username, enabled));
    }

    @PostMapping("/users/{username}/password")
    String password(@PathVariable String username, PasswordForm form, RedirectAttributes redirect) {
        return change(redirect, reset -> "Password of " + username + " reset.", () -> {
            users.resetPassword(username, form.password());
            return null;
        });
    }

    /** Makes the change and tells the page how it went: the notice about what changed, or why it was refused. */
    private static <T> String change(RedirectAttributes redirect, Function<T, String> notice, Supplier<T> change) {
        try {
            redirect.addFlashAttribute("notice", notice.apply(change.get()));
        } catch (RejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/users";
    }

    private static List<String> keys(String tenants) {
        if (tenants == null) {
            return List.of();
        }
        return Arrays.stream(tenants.split("[,\\s]+"))
                .filter(key -> !key.isBlank())
                .toList();
    }
}
