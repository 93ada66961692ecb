package io.tokenledger.web.pages;

import io.tokenledger.web.security.OidcSignIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: a password form, and "Sign in with Microsoft" when OIDC is configured. */
@Controller
class LoginController {

    private final OidcSignIn oidc;

    LoginController(OidcSignIn oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", oidc.enabled());
        model.addAttribute("oidcName", oidc.displayName());
        model.addAttribute("oidcPath", oidc.authorizationPath());
        return "login";
    }
}
