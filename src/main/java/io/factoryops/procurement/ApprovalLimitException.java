package io.factoryops.procurement;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;
import java.math.BigDecimal;

/**
 * A manager approves or rejects purchase orders up to {@code factory.purchase-orders.manager-approval-limit};
 * one whose total is above it waits for an admin.
 */
public class ApprovalLimitException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ApprovalLimitException(String poNumber, String verb, BigDecimal total, BigDecimal limit) {
        super("Purchase order " + poNumber + " totals " + total.toPlainString() + ", above the managers' approval "
                + "limit of " + limit.toPlainString() + ": an admin must " + verb + " it");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.APPROVAL_LIMIT;
    }
}
