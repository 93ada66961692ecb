package io.tokenledger.reporting.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementScopeTest {

    @Test
    void parsesTheThreeScopesAndWritesThemBack() {
        assertThat(StatementScope.parse("all")).isEqualTo(StatementScope.all());
        assertThat(StatementScope.parse("costCenter:CC-100")).isEqualTo(new StatementScope.CostCenter("CC-100"));
        assertThat(StatementScope.parse("tenant:acme:eu")).isEqualTo(new StatementScope.Tenant("acme:eu"));
        assertThat(new StatementScope.CostCenter("CC-100").text()).isEqualTo("costCenter:CC-100");
        assertThat(new StatementScope.Tenant("acme").describe()).isEqualTo("Tenant acme");
    }

    @Test
    void anUnknownScopeIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> StatementScope.parse("team:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'all', 'costCenter:<cost center>' or 'tenant:<tenant key>'");
        assertThatThrownBy(() -> StatementScope.parse("tenant:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenantAndCostCenterTogetherAreRefused() {
        assertThatThrownBy(() -> StatementScope.of("acme", "CC-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("either tenant or costCenter");
        assertThat(StatementScope.of(null, " ")).isEqualTo(StatementScope.all());
    }

    @Test
    void fileNameSlugsKeepOnlySafeCharacters() {
        assertThat(new StatementScope.Tenant("../etc/pass wd\"").slug()).isEqualTo("tenant-.._etc_pass_wd_");
        assertThat(StatementScope.all().slug()).isEqualTo("all");
    }
}
