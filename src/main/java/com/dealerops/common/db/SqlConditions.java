package com.dealerops.common.db;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from conditions with '?' placeholders, numbered $1, $2, ... for the Vert.x SQL client. */
public final class SqlConditions {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlConditions and(String condition, Object... values) {
        if (sql.length() > 0) {
            sql.append(" AND ");
        }
        StringBuilder numbered = new StringBuilder();
        int value = 0;
        for (char c : condition.toCharArray()) {
            if (c == '?') {
                params.add(values[value++]);
                numbered.append('$').append(params.size());
            } else {
                numbered.append(c);
            }
        }
        if (value != values.length) {
            throw new IllegalArgumentException("placeholders and values differ in " + condition);
        }
        sql.append(numbered);
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> params() {
        return params;
    }
}
