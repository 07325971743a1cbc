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

/** {@code GET /api/roles}: the roles, what each includes and which accounts each manages. */
@Path("roles")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class RoleResource {

    @GET
    @RolesAllowed({Role.USER_NAME, Role.MECHANIC_NAME, Role.CUSTOMER_NAME})
    @Operation(operationId = "listRoles", summary = "List roles")
    public List<RoleResponse> list() {
        return Arrays.stream(Role.values()).map(RoleResponse::of).toList();
    }
}
