package io.tokenledger.web.tenants;

import io.tokenledger.db.RejectedException;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.NewBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A budget from a page's form: amounts as typed, steps as {@code 50, 80, 100}. */
final class BudgetForm {

    private BudgetForm() {}

    /**
     * Saves the form's budget for {@code subject} and tells the page how it went: {@code notice} when saved, the
     * reason as an error when the budget was refused.
     */
    static void save(
            Budgets budgets,
            BudgetScope scope,
            String subject,
            String monthly,
            String steps,
            String daily,
            String user,
            RedirectAttributes redirect,
            String notice) {
        try {
            budgets.set(scope, subject, parse(monthly, steps, daily), user);
            redirect.addFlashAttribute("notice", notice);
        } catch (RejectedException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the field that is not a number */
    static NewBudget parse(String monthly, String steps, String daily) {
        return new NewBudget(amount("Monthly budget", monthly), steps(steps), amount("Daily threshold", daily));
    }

    private static BigDecimal amount(String label, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be an amount such as 500.00, was '" + value + "'");
        }
    }

    private static List<Integer> steps(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Integer> steps = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                steps.add(Integer.parseInt(part.strip().replace("%", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Steps must be percentages such as 50, 80, 100, was '" + value + "'");
            }
        }
        return steps;
    }
}
