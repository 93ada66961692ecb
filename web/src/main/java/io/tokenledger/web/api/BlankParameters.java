package io.tokenledger.web.api;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * For every controller, API and page alike: a blank request parameter, path variable or form field is null, so that
 * {@code ?from=} or an empty form field means the same as an absent one, decided here once. Other text is kept as
 * typed (a password may begin with a space); the services strip what they store.
 */
@ControllerAdvice
class BlankParameters {

    @InitBinder
    void blankIsNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new BlankIsNull());
    }

    private static final class BlankIsNull extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isBlank() ? null : text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
