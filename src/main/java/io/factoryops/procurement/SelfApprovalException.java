package io.factoryops.procurement;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;

/** Four eyes: whoever created a purchase order may not approve or reject it. */
public class SelfApprovalException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SelfApprovalException(String poNumber, String verb) {
        super("Purchase order " + poNumber + " was created by you; another admin must " + verb + " it");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SELF_APPROVAL;
    }
}
