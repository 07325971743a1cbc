package io.factoryops.inventory;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import java.util.List;

/** A node would become its own ancestor: moved under itself or under one of its descendants. */
public class TreeCycleException extends DomainException {

    private static final long serialVersionUID = 1L;

    TreeCycleException(String what, long id, long parentId) {
        super(
                id == parentId
                        ? what + " " + id + " cannot be its own parent"
                        : what + " " + parentId + " lies below " + what.toLowerCase(java.util.Locale.ROOT) + " " + id
                                + ": moving it there would make it its own ancestor");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.TREE_CYCLE;
    }

    @Override
    public List<FieldError> errors() {
        return List.of(new FieldError("parent_id", "must not be the node itself or one of its descendants"));
    }
}
