package dev.gepa4j.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.workspace.WorkspaceException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {
    @Test
    void splitsGepaParametersFromTheDriverOnes() {
        PostgresUrl url = PostgresUrl.parse("postgresql://team@db.internal:6432/gepa?sslmode=require"
                + "&password_env=TEAM_PG&lease_seconds=5&pool_size=3&synchronous_commit=on", Map.of());
        assertThat(url.user()).isEqualTo("team");
        assertThat(url.port()).isEqualTo(6432);
        assertThat(url.passwordEnv()).isEqualTo("TEAM_PG");
        assertThat(url.lease()).isEqualTo(Duration.ofSeconds(5));
        assertThat(url.poolSize()).isEqualTo(3);
        assertThat(url.durableCommits()).isTrue();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/gepa?sslmode=require");
        assertThat(url.toString()).startsWith("postgresql://team@db.internal:6432/gepa?sslmode=require")
                .contains("password_env=TEAM_PG");
        assertThat(url.password(Map.of("TEAM_PG", "s3cret-value"))).contains("s3cret-value");
        assertThat(url.connectionProperties(Map.of("TEAM_PG", "s3cret-value")).getProperty("password"))
                .isEqualTo("s3cret-value");
    }

    @Test
    void defaultsTheUserPortAndPasswordVariable() {
        PostgresUrl url = PostgresUrl.parse("postgres://localhost/ws", Map.of("PGUSER", "alice"));
        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.passwordEnv()).isEqualTo("PGPASSWORD");
        assertThat(url.durableCommits()).isFalse();
        assertThat(url.toString()).isEqualTo("postgresql://alice@localhost:5432/ws");
    }

    @Test
    void refusesAPasswordWithoutRepeatingIt() {
        for (String bad : new String[] {"postgresql://u:hunter2-long@h/db", "postgresql://u@h/db?password=hunter2-long",
                "postgresql://u:hunter2-long@h"}) {
            assertThatThrownBy(() -> PostgresUrl.parse(bad, Map.of())).isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("PGPASSWORD").hasMessageNotContaining("hunter2-long");
        }
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u@h:5432", Map.of()))
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u@h:port/db", Map.of()))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u@h/db?lease_seconds=-1", Map.of()))
                .hasMessageContaining("lease_seconds=-1 must be a positive number");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u@h/db?synchronous_commit=maybe", Map.of()))
                .hasMessageContaining("use on or off");
    }
}
