package io.factoryops.procurement;

import io.factoryops.platform.error.ErrorCode;

/** Four eyes: whoever created, last edited or submitted a purchase order may not approve or reject it. */
public class SelfApprovalException extends FourEyesException {

    private static final long serialVersionUID = 1L;

    /** {@code did}: what the caller did to the order ("created", "last edited", "submitted"). */
    public SelfApprovalException(String poNumber, String verb, String did) {
        super("Purchase order " + poNumber + " was " + did + " by you; someone else must " + verb + " it");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SELF_APPROVAL;
    }
}
