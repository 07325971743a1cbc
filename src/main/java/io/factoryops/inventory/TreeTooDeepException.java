package io.factoryops.inventory;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import java.util.List;

/** A create or move would make a tree deeper than {@link TreeNode#MAX_DEPTH} levels. */
public class TreeTooDeepException extends DomainException {

    private static final long serialVersionUID = 1L;

    TreeTooDeepException(String what, int depth) {
        super("The " + what.toLowerCase(java.util.Locale.ROOT) + " tree would be " + depth
                + " levels deep there; at most " + TreeNode.MAX_DEPTH + " levels");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.VALIDATION_FAILED;
    }

    @Override
    public List<FieldError> errors() {
        return List.of(new FieldError("parent_id", "the tree may be at most " + TreeNode.MAX_DEPTH + " levels deep"));
    }
}
