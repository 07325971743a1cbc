package io.factoryops.stock;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A move would take more than an item holds; nothing was taken. The problem names the first short
 * item at its top level ({@code product_id}/{@code product_name} or {@code item_id}/{@code item_name},
 * {@code requested}, {@code available}) and every short item in {@code shortages}.
 */
public class InsufficientStockException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<StockShortage> shortages;

    public InsufficientStockException(List<StockShortage> shortages) {
        super(message(shortages));
        if (shortages.isEmpty()) {
            throw new IllegalArgumentException("no shortage");
        }
        this.shortages = List.copyOf(shortages);
    }

    public List<StockShortage> shortages() {
        return shortages;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INSUFFICIENT_STOCK;
    }

    @Override
    public List<FieldError> errors() {
        StockShortage first = shortages.get(0);
        return List.of(
                new FieldError("quantity", "requested " + first.requested() + ", available " + first.available()));
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>(describe(shortages.get(0)));
        details.put(
                "shortages",
                shortages.stream().map(InsufficientStockException::describe).toList());
        return details;
    }

    private static Map<String, Object> describe(StockShortage s) {
        String prefix = s.kind() == StockItemKind.PRODUCT ? "product" : "item";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(prefix + "_id", s.ownerId());
        d.put(prefix + "_name", s.name());
        d.put("sku", s.sku());
        d.put("requested", s.requested());
        d.put("available", s.available());
        return d;
    }

    private static String message(List<StockShortage> shortages) {
        return "Insufficient stock for "
                + shortages.stream()
                        .map(s -> (s.kind() == StockItemKind.PRODUCT ? "product " : "part ") + s.ownerId() + " ("
                                + s.name() + "): requested " + s.requested() + ", available " + s.available())
                        .collect(Collectors.joining("; "));
    }
}
