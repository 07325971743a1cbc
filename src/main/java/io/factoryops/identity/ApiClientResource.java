package io.factoryops.identity;

import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/api-clients}: machines that sign in with the client credentials grant ({@code POST /api/oauth/token}). */
@Path("api-clients")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class ApiClientResource {

    @Inject
    ApiClientService clients;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @RolesAllowed(Permission.Names.API_CLIENTS_MANAGE)
    @Operation(
            operationId = "listApiClients",
            summary = "List API clients",
            description = "Paged (page, per_page ≤ 100), q searches name and client id; sort by id, name, created_at, "
                    + "last_used_at (prefix '-' for descending; default name). Never their secrets.")
    @APIResponse(
            responseCode = "200",
            description = "A page of API clients",
            content = @Content(schema = @Schema(implementation = ApiClientResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam ApiClientListParameters parameters) {
        return Paging.ok(clients.list(parameters.page(uriInfo)), uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.API_CLIENTS_MANAGE)
    @Operation(operationId = "getApiClient", summary = "Read an API client", description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The API client",
            content = @Content(schema = @Schema(implementation = ApiClientResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, clients.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.API_CLIENTS_MANAGE)
    @Operation(
            operationId = "createApiClient",
            summary = "Create an API client",
            description = "Answers its client id and secret: the secret is shown this once and stored as a hash. "
                    + "403 FORBIDDEN when it has a permission the caller lacks; 409 ALREADY_EXISTS when another client "
                    + "has the name. Audited.")
    @APIResponse(
            responseCode = "201",
            description = "Created, with its secret",
            content = @Content(schema = @Schema(implementation = ApiClientSecret.class)))
    public Response create(@NotNull @Valid ApiClientRequest body) {
        return ETags.created(uriInfo, clients.create(Caller.of(security), body));
    }

    @POST
    @Path("{id}/rotate-secret")
    @RolesAllowed(Permission.Names.API_CLIENTS_MANAGE)
    @Operation(
            operationId = "rotateApiClientSecret",
            summary = "Rotate an API client's secret",
            description = "A new secret, shown this once; the previous one keeps working for overlap_minutes (default "
                    + "60) so that the client can switch without a gap. Tokens already issued run out as usual. 409 "
                    + "CONFLICT for a revoked client. If-Match → 412 when stale. Audited (ROTATE_SECRET).")
    @APIResponse(
            responseCode = "200",
            description = "The client, with its new secret",
            content = @Content(schema = @Schema(implementation = ApiClientSecret.class)))
    public Response rotate(@PathParam("id") long id, @Valid SecretRotationRequest body) {
        Integer overlap = body == null ? null : body.overlapMinutes();
        return ETags.ok(clients.rotate(Caller.of(security), id, ETags.expectedVersion(headers), overlap));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.API_CLIENTS_MANAGE)
    @Operation(
            operationId = "revokeApiClient",
            summary = "Revoke an API client",
            description = "It gets no more tokens, and the tokens it has stop working (401 TOKEN_REVOKED). It stays "
                    + "listed, inactive. If-Match → 412 when stale. Audited (DEACTIVATE).")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") long id) {
        clients.revoke(Caller.of(security), id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
