package io.factoryops.inventory;

import io.factoryops.identity.Permission;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/products/{id}/bom}: the parts one unit of a product takes, consumed by production. */
@Path("products/{id}/bom")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
public class BomResource {

    @Inject
    BomService boms;

    @GET
    @RolesAllowed(Permission.Names.PRODUCTS_READ)
    @Operation(
            operationId = "getBom",
            summary = "A product's bill of materials",
            description = "The parts one unit of the product takes; no lines when it has none.")
    @APIResponse(
            responseCode = "200",
            description = "The bill of materials",
            content = @Content(schema = @Schema(implementation = BomResponse.class)))
    public BomResponse get(@PathParam("id") long id) {
        return boms.get(id);
    }

    @PUT
    @RolesAllowed(Permission.Names.BOM_WRITE)
    @Operation(
            operationId = "replaceBom",
            summary = "Replace a product's bill of materials",
            description = "The whole list (at most 100 lines, each part once, active parts); an empty "
                    + "list removes it. Recording production then consumes these parts or fails whole (409 "
                    + "INSUFFICIENT_STOCK naming each short part).")
    @APIResponse(
            responseCode = "200",
            description = "The bill of materials",
            content = @Content(schema = @Schema(implementation = BomResponse.class)))
    public BomResponse replace(@PathParam("id") long id, @NotNull @Valid BomRequest body) {
        return boms.replace(id, body);
    }
}
