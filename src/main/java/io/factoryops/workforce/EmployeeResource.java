package io.factoryops.workforce;

import io.factoryops.identity.Permission;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.paging.ExportedAs;
import io.factoryops.platform.paging.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/employees}: read by manager, written by admin. */
@Path("employees")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Employees")
public class EmployeeResource {

    @Inject
    EmployeeService employees;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @ExportedAs("employees")
    @RolesAllowed(Permission.Names.EMPLOYEES_READ)
    @Operation(
            operationId = "listEmployees",
            summary = "List employees",
            description = "Paged (page, per_page ≤ 100), "
                    + "q searches name, email and position; sort by id, name, email, position, department, hire_date, "
                    + "created_at (prefix '-' for descending).")
    @APIResponse(
            responseCode = "200",
            description = "A page of employees",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam EmployeeListParameters parameters) {
        return Paging.ok(employees.list(parameters.page(uriInfo), parameters.filter()), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.EMPLOYEES_READ)
    @Operation(operationId = "getEmployee", summary = "Read an employee", description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The employee",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, employees.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.EMPLOYEES_WRITE)
    @Operation(operationId = "createEmployee", summary = "Create an employee")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    public Response create(@NotNull @Valid EmployeeRequest body) {
        return ETags.created(uriInfo, employees.create(body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.EMPLOYEES_WRITE)
    @Operation(
            operationId = "replaceEmployee",
            summary = "Replace an employee",
            description = "If-Match → 412 VERSION_CONFLICT when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The replaced employee",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid EmployeeRequest body) {
        return ETags.ok(employees.replace(id, ETags.expectedVersion(headers), body));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Permission.Names.EMPLOYEES_WRITE)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            operationId = "patchEmployee",
            summary = "Change some fields of an employee",
            description = "Absent fields stay. If-Match → 412 VERSION_CONFLICT when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The changed employee",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    public Response patch(@PathParam("id") long id, @NotNull @Valid EmployeePatch body) {
        return ETags.ok(employees.patch(id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.EMPLOYEES_WRITE)
    @Operation(
            operationId = "deleteEmployee",
            summary = "Delete an employee",
            description = "409 STILL_REFERENCED when records "
                    + "refer to it (deactivate it instead). If-Match → 412 when stale.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        employees.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
