package com.dealerops.common.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where Flyway connects: derived from the reactive datasource URL, so an operator sets one URL, not two.
 * {@code postgresql://user:secret@db:5432/dealerops?sslmode=require} becomes
 * {@code jdbc:postgresql://db:5432/dealerops?sslmode=require} with the user and password taken apart.
 */
public record JdbcTarget(String url, String user, String password) {

    public static JdbcTarget fromReactiveUrl(String reactiveUrl, Optional<String> user, Optional<String> password) {
        String raw = reactiveUrl.trim();
        if (raw.startsWith("vertx-reactive:")) {
            raw = raw.substring("vertx-reactive:".length());
        }
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new IllegalArgumentException("expected postgresql://host:port/database, got scheme " + scheme);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("expected postgresql://host:port/database, no host in it");
        }
        String urlUser = null;
        String urlPassword = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            urlUser = decode(parts[0]);
            urlPassword = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + database + query;
        return new JdbcTarget(jdbc, user.orElse(urlUser), password.orElse(urlPassword));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
