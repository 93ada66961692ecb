package io.tokenledger.web.pages;

import io.tokenledger.web.api.ParameterFormats;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What was wrong with a posted form, as the one sentence its page shows (the flash attribute {@code error}). */
public final class FormErrors {

    private FormErrors() {}

    /**
     * Every error, in the order found: a value that is not of its field's type names the field and what it must be
     * ({@code rate must be a decimal number such as 0.15, was 'abc'}), a constraint gives its message.
     */
    public static String describe(BindingResult result) {
        return result.getAllErrors().stream()
                .map(FormErrors::describe)
                .distinct()
                .collect(Collectors.joining("; "));
    }

    /**
     * True when the form has errors, which are then flashed to the page it goes back to as {@code error}; the caller
     * redirects there without saving anything.
     */
    public static boolean flashed(BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            return false;
        }
        redirect.addFlashAttribute("error", describe(result));
        return true;
    }

    private static String describe(ObjectError error) {
        if (error instanceof FieldError field && field.contains(TypeMismatchException.class)) {
            TypeMismatchException mismatch = field.unwrap(TypeMismatchException.class);
            return ParameterFormats.wrongValue(field.getField(), mismatch.getRequiredType(), field.getRejectedValue());
        }
        return error.getDefaultMessage();
    }
}
