package io.factoryops.maintenance;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import java.math.BigDecimal;
import java.util.List;

/**
 * A mechanic added to a ticket they are already on (409 ALREADY_EXISTS), or removed from, or given hours
 * on, a ticket they are not on (409 CONFLICT), or removed while labour hours are recorded for them there
 * (409 STILL_REFERENCED: the hours are never deleted with the row).
 */
public class AssignmentException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    private AssignmentException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    static AssignmentException alreadyAssigned(String field, long ticketId, long mechanicId) {
        return new AssignmentException(
                ErrorCode.ALREADY_EXISTS,
                field,
                "Mechanic " + mechanicId + " is already assigned to service ticket " + ticketId);
    }

    static AssignmentException notAssigned(String field, long ticketId, long mechanicId) {
        return new AssignmentException(
                ErrorCode.CONFLICT, field, "Mechanic " + mechanicId + " is not assigned to service ticket " + ticketId);
    }

    static AssignmentException labourRecorded(String field, long ticketId, long mechanicId, BigDecimal hours) {
        return new AssignmentException(
                ErrorCode.STILL_REFERENCED,
                field,
                "Mechanic " + mechanicId + " has "
                        + hours.toPlainString() + " labour hours recorded on service ticket " + ticketId
                        + " and stays on it");
    }

    @Override
    public ErrorCode code() {
        return code;
    }

    @Override
    public List<FieldError> errors() {
        return List.of(new FieldError(field, getMessage()));
    }
}
