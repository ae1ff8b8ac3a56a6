package com.dealerops.common.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerops.common.error.ProblemException;

/**
 * One whitelisted sort order of a list: the name clients send ({@code -createdAt}), the entity property it
 * orders by, and the direction. Rows are ordered by (property, id), which makes every position unique and lets
 * the next page start strictly after the last row seen, whatever is inserted meanwhile.
 */
public record SortKey<T>(String name, String property, String column, boolean descending, Class<?> valueType,
        Function<T, Object> value, Function<T, UUID> id) {

    public static <T> SortKey<T> ascending(String property, Class<?> valueType, Function<T, Object> value,
            Function<T, UUID> id) {
        return new SortKey<>(property, property, column(property), false, valueType, value, id);
    }

    public static <T> SortKey<T> descending(String property, Class<?> valueType, Function<T, Object> value,
            Function<T, UUID> id) {
        return new SortKey<>("-" + property, property, column(property), true, valueType, value, id);
    }

    /** createdAt is created_at: entity properties and columns follow that one naming rule here. */
    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    public static <T> SortKey<T> parse(String requested, List<SortKey<T>> allowed, SortKey<T> fallback) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        return allowed.stream().filter(key -> key.name().equals(requested.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("sort", "must be one of "
                        + allowed.stream().map(SortKey::name).collect(Collectors.joining(", "))));
    }

    /** HQL order of the rows, on alias {@code e}. */
    String orderBy() {
        String direction = descending ? " desc" : " asc";
        return " order by e." + property + direction + ", e.id" + direction;
    }

    /** HQL condition "after the cursor", on alias {@code e}, with parameters :afterValue and :afterId. */
    String afterCondition() {
        return "(e." + property + ", e.id) " + (descending ? "<" : ">") + " (:afterValue, :afterId)";
    }

    /** SQL order of the rows, for {@link SqlKeyset}. */
    String sqlOrderBy() {
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + column + direction + ", id" + direction;
    }

    String sqlAfterCondition(int valueParameter, int idParameter) {
        return "(" + column + ", id) " + (descending ? "<" : ">") + " ($" + valueParameter + ", $" + idParameter
                + ")";
    }

    Object parseValue(String text) {
        if (valueType == java.math.BigDecimal.class) {
            java.math.BigDecimal amount = new java.math.BigDecimal(text);
            if (amount.scale() > 2 || amount.precision() - amount.scale() > 13) {
                throw new IllegalArgumentException("not an amount of money");
            }
            return amount;
        }
        return valueType == Instant.class ? Instant.parse(text) : text;
    }
}
