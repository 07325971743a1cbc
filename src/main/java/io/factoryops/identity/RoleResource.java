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

/** {@code GET /api/roles}: the built-in roles, what each includes, which accounts each manages, its permissions. */
@Path("roles")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class RoleResource {

    @GET
    @RolesAllowed(Permission.Names.ACCOUNT_SELF)
    @Operation(operationId = "listRoles", summary = "List roles")
    public List<RoleResponse> list() {
        return Arrays.stream(Role.values()).map(RoleResponse::of).toList();
    }
}
