package com.dealerops.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class JdbcTargetTest {

    @Test
    void derivesTheJdbcUrlFromTheReactiveOne() {
        JdbcTarget target = JdbcTarget.fromReactiveUrl("postgresql://db.internal:6543/dealerops?sslmode=require",
                Optional.of("app"), Optional.of("secret"));
        assertEquals("jdbc:postgresql://db.internal:6543/dealerops?sslmode=require", target.url());
        assertEquals("app", target.user());
        assertEquals("secret", target.password());
    }

    @Test
    void takesCredentialsFromTheUrlWhenNoneAreConfigured() {
        JdbcTarget target = JdbcTarget.fromReactiveUrl("vertx-reactive:postgres://app:p%40ss@db/dealerops",
                Optional.empty(), Optional.empty());
        assertEquals("jdbc:postgresql://db:5432/dealerops", target.url());
        assertEquals("app", target.user());
        assertEquals("p@ss", target.password());
    }

    @Test
    void rejectsWhatIsNotAPostgresUrl() {
        assertThrows(IllegalArgumentException.class,
                () -> JdbcTarget.fromReactiveUrl("mysql://db/x", Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> JdbcTarget.fromReactiveUrl("postgresql:///x", Optional.empty(), Optional.empty()));
    }
}
