package io.tokenledger.web.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module boundaries of ARCHITECTURE.md, checked on the compiled code: each module is reached only through its
 * face (Spring Modulith: the module's base package and its named interfaces), no cycle between modules or between
 * the packages of one, and no ledger query without a tenant scope.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of("io.tokenledger");

    private static final JavaClasses TOKENLEDGER = ProductionClasses.ALL;

    @Test
    void everyModuleIsReachedOnlyThroughItsFaceAndNoModuleDependsOnItsDependents() {
        MODULES.verify();
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.tokenledger.(**)")
                .should()
                .beFreeOfCycles()
                // generated: tables and their records refer to each other by design
                .ignoreDependency(resideInAPackage("io.tokenledger.db.jooq.."), alwaysTrue())
                .check(TOKENLEDGER);
    }

    @Test
    void aLedgerQueryCannotBeBuiltWithoutATenantScope() {
        Stream<Executable> builders = Stream.of(
                        Arrays.stream(LedgerQuery.class.getConstructors()),
                        factoriesOfLedgerQueries(LedgerQuery.class),
                        factoriesOfLedgerQueries(Ledgers.class))
                .flatMap(executables -> executables);
        assertThat(builders)
                .as("public constructors and factories of LedgerQuery")
                .isNotEmpty()
                .allSatisfy(builder -> assertThat(builder.getParameterTypes())
                        .as(builder.toString())
                        .contains(TenantScope.class));
        LocalDate day = LocalDate.of(2026, 11, 1);
        assertThatThrownBy(() -> new LedgerQuery(day, day, List.of(), Optional.empty(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("TenantScope");
    }

    private static Stream<Executable> factoriesOfLedgerQueries(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getReturnType().equals(LedgerQuery.class))
                .map(Executable.class::cast);
    }
}
