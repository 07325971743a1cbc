package io.factoryops.procurement;

import io.factoryops.identity.AccountTie;
import io.factoryops.platform.error.ErrorCode;

/**
 * Four eyes are about people: the caller's account is tied to the account of one of the order's people (one
 * created the other or last set its password, or both link to the same employee), so the second pair of eyes
 * may be the first one's.
 */
public class RelatedAccountException extends FourEyesException {

    private static final long serialVersionUID = 1L;

    public RelatedAccountException(String poNumber, String verb, String person, AccountTie tie) {
        super("You may not " + verb + " purchase order " + poNumber + ": your account and " + person + "'s are tied ("
                + tie.describe() + "); an admin independent of both must " + verb + " it");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.RELATED_ACCOUNT;
    }
}
