package com.dealerops.common.paging;

import java.util.List;
import java.util.Map;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Reads one page of entities ordered by a {@link SortKey} with keyset pagination: the page after a cursor is
 * "the rows strictly after (value, id)", one indexed range scan whatever the depth, and stable while rows are
 * inserted. Fetches limit + 1 rows to know whether there is a next page, without counting.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * @param where HQL condition on alias {@code e}, already scoped to the caller's dealer
     */
    public static <T> Uni<Page<T>> page(Mutiny.Session session, Class<T> entity, String where,
            Map<String, Object> params, SortKey<T> sort, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor, sort);
        String hql = "from " + entity.getSimpleName() + " e where " + where
                + (after == null ? "" : " and " + sort.afterCondition()) + sort.orderBy();
        Mutiny.SelectionQuery<T> query = session.createSelectionQuery(hql, entity);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("afterValue", after.value());
            query.setParameter("afterId", after.id());
        }
        return query.setMaxResults(limit + 1).getResultList().map(rows -> {
            if (rows.size() <= limit) {
                return new Page<>(List.copyOf(rows), null);
            }
            T last = rows.get(limit - 1);
            return new Page<>(List.copyOf(rows.subList(0, limit)),
                    Cursor.encode(sort, sort.value().apply(last), sort.id().apply(last)));
        });
    }
}
