package io.factoryops.stock;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;

/** An addition would take a quantity past what a stock item can hold (an INT); nothing was added. */
public class StockLimitExceededException extends DomainException {

    private static final long serialVersionUID = 1L;

    public StockLimitExceededException(StockItem item, int adding) {
        super((item.getKind() == StockItemKind.PRODUCT ? "Product " : "Part ") + item.getOwnerId() + " has "
                + item.getQuantity() + " units; adding " + adding + " would exceed the most a stock can hold ("
                + Integer.MAX_VALUE + ")");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFLICT;
    }
}
