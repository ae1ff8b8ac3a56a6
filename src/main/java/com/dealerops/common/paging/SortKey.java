package com.dealerops.common.paging;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.dealerops.common.error.ProblemException;

/**
 * One whitelisted sort order of a list: the name clients send ({@code -createdAt}), the entity property it
 * orders by, and the direction. Rows are ordered by (property, id), which makes every position unique and lets
 * the next page start strictly after the last row seen, whatever is inserted meanwhile.
 */
public record SortKey(String name, String property, boolean descending, Class<?> valueType) {

    public static SortKey ascending(String name, String property, Class<?> valueType) {
        return new SortKey(name, property, false, valueType);
    }

    public static SortKey descending(String name, String property, Class<?> valueType) {
        return new SortKey("-" + name, property, true, valueType);
    }

    public static SortKey parse(String requested, List<SortKey> allowed, SortKey fallback) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        return allowed.stream().filter(key -> key.name().equals(requested.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("sort", "must be one of "
                        + allowed.stream().map(SortKey::name).collect(Collectors.joining(", "))));
    }

    /** HQL: the order of the rows, then the condition "after the cursor" using :afterValue and :afterId. */
    public String orderBy(String alias) {
        String direction = descending ? " desc" : " asc";
        return " order by " + alias + "." + property + direction + ", " + alias + ".id" + direction;
    }

    public String afterCondition(String alias) {
        return "(" + alias + "." + property + ", " + alias + ".id) " + (descending ? "<" : ">")
                + " (:afterValue, :afterId)";
    }

    Object parseValue(String value) {
        if (valueType == Instant.class) {
            return Instant.parse(value);
        }
        return value;
    }
}
