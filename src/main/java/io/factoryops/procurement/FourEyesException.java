package io.factoryops.procurement;

import io.factoryops.platform.error.DomainException;

/**
 * Four eyes refuse an approval or a rejection: the caller decided on work of its own, or on work of an
 * account tied to its own. The service audits each refusal before it reaches the client.
 */
public abstract class FourEyesException extends DomainException {

    private static final long serialVersionUID = 1L;

    protected FourEyesException(String message) {
        super(message);
    }
}
