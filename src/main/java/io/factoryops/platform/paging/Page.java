package io.factoryops.platform.paging;

import java.util.List;
import java.util.function.Function;

/** A list response: {@code {"data":[…],"pagination":{…}}}. */
public record Page<T>(List<T> data, Pagination pagination) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(data.stream().<R>map(mapper).toList(), pagination);
    }
}
