package io.tokenledger.web.tenants;

import io.tokenledger.reporting.budgets.NewBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A budget form, of a tenant's page and (with its cost center) of the alerts page: amounts as typed, steps as
 * percentages such as {@code 50, 80, 100} (separated by commas or spaces, a % sign allowed).
 */
record BudgetForm(BigDecimal monthly, String steps, BigDecimal daily) {

    /**
     * The budget to save; without steps, {@link io.tokenledger.reporting.budgets.Budgets} takes the default ones.
     *
     * @throws IllegalArgumentException when a step is not a whole number
     */
    NewBudget budget() {
        return new NewBudget(monthly, percentages(), daily);
    }

    private List<Integer> percentages() {
        if (steps == null) {
            return null;
        }
        List<Integer> percentages = new ArrayList<>();
        for (String part : steps.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                percentages.add(Integer.parseInt(part.strip().replace("%", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Steps must be percentages such as 50, 80, 100, was '" + steps + "'");
            }
        }
        return percentages;
    }
}
