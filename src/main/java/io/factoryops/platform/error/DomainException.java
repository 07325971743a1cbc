package io.factoryops.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A rule of the domain was broken (insufficient stock, a transition from the wrong state, four eyes, …).
 * Thrown by entities and services whoever calls them (a resource, a timer, another service), and mapped
 * to problem+json by {@link DomainExceptionMapper} when it reaches HTTP. Subclasses name the rule; the
 * code is the stable problem code a client switches on, the details go to the problem's top level.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message);
    }

    /** The stable code of the problem this rule maps to. */
    public abstract ErrorCode code();

    /** The fields of the request that broke the rule, if any. */
    public List<FieldError> errors() {
        return List.of();
    }

    /** Extension members of the problem (e.g. requested and available quantities). */
    public Map<String, Object> details() {
        return Map.of();
    }
}
