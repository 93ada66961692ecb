package io.tokenledger.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The rules of ARCHITECTURE.md and STYLE.md that the Maven module graph cannot express. */
class ArchitectureTest {

    private static final JavaClasses TOKENLEDGER = ProductionClasses.ALL;

    @Test
    void onlyIngestWritesUsageEventsTenantsAndDeadLetters() {
        classes()
                .that()
                .haveFullyQualifiedName("io.tokenledger.db.jooq.tables.UsageEvent")
                .or()
                .haveFullyQualifiedName("io.tokenledger.db.jooq.tables.DeadLetter")
                .or()
                .haveFullyQualifiedName("io.tokenledger.db.jooq.tables.Tenant")
                .should()
                .onlyBeAccessed()
                .byClassesThat()
                .resideInAnyPackage("io.tokenledger.ingest..", "io.tokenledger.db..")
                .check(TOKENLEDGER);
    }

    @Test
    void dailyRollupsAreWrittenByIngestAndReadByReporting() {
        classes()
                .that()
                .haveFullyQualifiedName("io.tokenledger.db.jooq.tables.UsageDaily")
                .should()
                .onlyBeAccessed()
                .byClassesThat()
                .resideInAnyPackage("io.tokenledger.ingest..", "io.tokenledger.reporting..", "io.tokenledger.db..")
                .check(TOKENLEDGER);
    }

    @Test
    void rateCardsBelongToPricing() {
        classes()
                .that()
                .haveFullyQualifiedName("io.tokenledger.db.jooq.tables.RateCard")
                .should()
                .onlyBeAccessed()
                .byClassesThat()
                .resideInAnyPackage("io.tokenledger.pricing..", "io.tokenledger.db..")
                .check(TOKENLEDGER);
    }

    @Test
    void usersBelongToWebSecurity() {
        classes()
                .that()
                .haveFullyQualifiedName("io.tokenledger.db.jooq.tables.AppUser")
                .should()
                .onlyBeAccessed()
                .byClassesThat()
                .resideInAnyPackage("io.tokenledger.web.security..", "io.tokenledger.db..")
                .check(TOKENLEDGER);
    }

    @Test
    void noBinaryFloatingPointInTheMoneyModules() {
        fields().that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage("io.tokenledger.pricing..", "io.tokenledger.ingest..", "io.tokenledger.reporting..")
                .should()
                .notHaveRawType(double.class)
                .andShould()
                .notHaveRawType(float.class)
                .andShould()
                .notHaveRawType(Double.class)
                .andShould()
                .notHaveRawType(Float.class)
                .check(TOKENLEDGER);
    }

    @Test
    void jooqRecordsDoNotCrossModuleLines() {
        noClasses()
                .that()
                .resideInAPackage("io.tokenledger.web..")
                .and()
                .resideOutsideOfPackage("io.tokenledger.web.security..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.tokenledger.db.jooq.tables.records..")
                .check(TOKENLEDGER);
    }

    @Test
    void nothingDependsOnTheWebModule() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.tokenledger.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.tokenledger.web..")
                .check(TOKENLEDGER);
    }
}
