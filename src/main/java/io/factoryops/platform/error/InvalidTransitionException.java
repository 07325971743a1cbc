package io.factoryops.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document was asked to move from a state that does not allow it (ship a cancelled order, approve a
 * draft purchase order). The problem carries the {@code current_status} and the
 * {@code allowed_transitions} from it.
 */
public class InvalidTransitionException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String status;
    private final transient List<String> allowed;

    /**
     * @param what    the document, e.g. "Order 12"
     * @param status  its state on the wire, e.g. "cancelled"
     * @param verb    the transition asked for, e.g. "ship"
     * @param allowed the transitions its state allows
     */
    public InvalidTransitionException(String what, String status, String verb, List<String> allowed) {
        super(what + " is " + status + " and cannot " + verb + "; allowed: " + allowed);
        this.status = status;
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_TRANSITION;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("current_status", status);
        details.put("allowed_transitions", allowed);
        return details;
    }
}
