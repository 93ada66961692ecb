package io.tokenledger.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts the embedded PostgreSQL and offers it as the application's {@link DataSource} when no external
 * database is configured. Boot's own DataSource configuration backs off because this one comes first.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoExternalDatabaseCondition.class)
@EnableConfigurationProperties(DbProperties.class)
class EmbeddedPostgresAutoConfiguration {

    static final String DATABASE = "tokenledger";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DbProperties properties) {
        return EmbeddedPostgresServer.start(properties.embedded());
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server) {
        EmbeddedPostgres postgres = server.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("tokenledger-embedded");
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
