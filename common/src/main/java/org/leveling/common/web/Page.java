package org.leveling.common.web;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list read by keyset: every paged endpoint answers with this shape, and builds it
 * with {@link #of} from one row more than it shows, the extra row saying only that a next page exists.
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page.")
        String nextCursor) {

    /**
     * The first {@code limit} of {@code rows} (read with {@code limit + 1}), shown through {@code view}, and,
     * when a row was left over, the cursor of the last item shown.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<? super R, ? extends T> view,
            Function<? super T, String> cursorOf) {
        List<T> items = rows.stream().limit(limit).<T>map(view).toList();
        String next = rows.size() > limit ? cursorOf.apply(items.get(items.size() - 1)) : null;
        return new Page<>(items, next);
    }
}
