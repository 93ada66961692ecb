package io.tokenledger.web.dashboard;

import io.tokenledger.reporting.budgets.NewBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A budget from a page's form: amounts as typed, steps as {@code 50, 80, 100}. */
final class BudgetForm {

    private BudgetForm() {}

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
