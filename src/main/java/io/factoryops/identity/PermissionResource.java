package io.factoryops.identity;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/permissions}: every permission, what it allows and the built-in roles that hold it. */
@Path("permissions")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class PermissionResource {

    @GET
    @RolesAllowed(Permission.Names.ACCOUNT_SELF)
    @Operation(
            operationId = "listPermissions",
            summary = "List permissions",
            description = "What each operation needs (its x-permissions in this document): a caller holds the "
                    + "permissions of its built-in role and of its custom roles.")
    public List<PermissionResponse> permissions() {
        return Arrays.stream(Permission.values()).map(PermissionResponse::of).toList();
    }
}
