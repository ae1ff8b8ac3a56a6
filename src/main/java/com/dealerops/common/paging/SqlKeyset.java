package com.dealerops.common.paging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.dealerops.common.db.SqlConditions;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@link Keyset} for the hottest lists, on the reactive SQL client directly: one prepared statement, rows mapped
 * straight to what the response needs, no persistence context to build and throw away.
 */
public final class SqlKeyset {

    private SqlKeyset() {
    }

    /**
     * @param select {@code SELECT ... FROM table} (the rows' id column must be {@code id})
     * @param where conditions, already scoped to the caller's dealer
     */
    public static <T> Uni<Page<T>> page(Pool pool, String select, SqlConditions where, SortKey<T> sort,
            String cursor, int limit, Function<Row, T> rows) {
        Cursor after = Cursor.decode(cursor, sort);
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder(select).append(" WHERE ").append(where.sql());
        if (after != null) {
            params.add(after.value() instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : after.value());
            params.add(after.id());
            sql.append(" AND ").append(sort.sqlAfterCondition(params.size() - 1, params.size()));
        }
        params.add(limit + 1);
        sql.append(sort.sqlOrderBy()).append(" LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(result -> {
            List<T> items = new ArrayList<>(Math.min(result.size(), limit));
            T last = null;
            boolean more = false;
            for (Row row : result) {
                if (items.size() == limit) {
                    more = true;
                    break;
                }
                last = rows.apply(row);
                items.add(last);
            }
            return new Page<>(items, more ? Cursor.encode(sort, sort.value().apply(last), sort.id().apply(last))
                    : null);
        });
    }
}
