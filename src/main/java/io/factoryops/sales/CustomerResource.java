package io.factoryops.sales;

import io.factoryops.identity.AuthService;
import io.factoryops.identity.Caller;
import io.factoryops.identity.LoginRequest;
import io.factoryops.identity.LoginResponse;
import io.factoryops.identity.Permission;
import io.factoryops.identity.Role;
import io.factoryops.platform.error.Problem;
import io.factoryops.platform.http.ETags;
import io.factoryops.platform.paging.ExportedAs;
import io.factoryops.platform.paging.Paging;
import io.factoryops.platform.ratelimit.RateLimiter;
import io.factoryops.platform.request.CurrentRequest;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.PUT;
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

/** {@code /api/customers}: staff look them up to take orders; admins write them. */
@Path("customers")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    @Inject
    CustomerService customers;

    @Inject
    CustomerRegistrationService registrations;

    @Inject
    AuthService auth;

    @Inject
    RateLimiter rateLimiter;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @POST
    @Path("register")
    @PermitAll
    @Operation(
            operationId = "registerCustomer",
            summary = "Register as a customer",
            description = "Public, rate limited per client address like a "
                    + "login. Always 202 with the same body, whether the address is free or already in use (by a customer "
                    + "or a staff account), so that the answer tells nobody who has an account. A free address is mailed "
                    + "a single-use confirmation token (valid factory.registration.token-hours, 24 h by default); only "
                    + "POST /api/customers/confirm creates the customer record and its customer account (log in with the "
                    + "email at /api/customers/login). An address in use is mailed a notice to its owner instead. A later "
                    + "registration of an unconfirmed address replaces the earlier one. At most "
                    + "factory.registration.mails-per-address-per-hour (3) registrations naming one address are acted on "
                    + "per hour; the rest change nothing and mail nothing (still 202). There is no password here: it is "
                    + "chosen at the confirmation, by whoever reads the address's mail, so that registering someone "
                    + "else's address cannot set the password of the account their confirmation creates (a password "
                    + "field sent here is an unknown field and ignored, like any other).")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: a confirmation mail is on its way if the address can be registered",
            content = @Content(schema = @Schema(implementation = RegistrationAccepted.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON")
    public Response register(@NotNull @Valid CustomerRegistration body) {
        // before any transaction: the bucket of registrations from this address, at the login rate
        rateLimiter.checkLogin(CurrentRequest.clientIpOrUnknown(), "customer registration");
        registrations.register(body);
        return Response.accepted(RegistrationAccepted.INSTANCE).build();
    }

    @POST
    @Path("confirm")
    @PermitAll
    @Operation(
            operationId = "confirmCustomerRegistration",
            summary = "Confirm a customer registration",
            description = "Public, rate limited per client address "
                    + "like a login. The token from the registration's mail, once, and the password of the account, "
                    + "chosen now by whoever holds the token: creates the customer record and its customer account, in "
                    + "one transaction. The password must meet the policy (400 WEAK_PASSWORD naming the field password; "
                    + "nothing is changed and the token stays usable). 400 INVALID_CONFIRMATION_TOKEN when unknown or "
                    + "used already, 410 CONFIRMATION_TOKEN_EXPIRED when expired (register again), 409 CONFLICT when the "
                    + "address was taken since.")
    @APIResponse(
            responseCode = "201",
            description = "Confirmed: the customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED (token or password missing), MALFORMED_JSON, "
                    + "WEAK_PASSWORD (the token stays usable), INVALID_CONFIRMATION_TOKEN (unknown or used already)")
    @APIResponse(responseCode = "410", description = "CONFIRMATION_TOKEN_EXPIRED: register again")
    public Response confirm(@NotNull @Valid RegistrationConfirmation body) {
        rateLimiter.checkLogin(CurrentRequest.clientIpOrUnknown(), "customer confirmation");
        CustomerResponse created = registrations.confirm(body.token(), body.password());
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("customers")
                        .path(Long.toString(created.id()))
                        .build())
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Operation(
            operationId = "loginCustomer",
            summary = "Log in as a customer",
            description = "Public. POST /api/auth/login for customer accounts "
                    + "only ({\"email\",\"password\"}): any other account is 401 INVALID_CREDENTIALS like a wrong "
                    + "password. Rate limited like it.")
    @APIResponse(
            responseCode = "200",
            description = "Logged in",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS")
    @APIResponse(
            responseCode = "503",
            description = "SERVICE_BUSY (every password-hashing slot is taken) or "
                    + "SERVICE_UNAVAILABLE (the database is unavailable), with Retry-After")
    public LoginResponse login(@NotNull @Valid LoginRequest body) {
        return auth.login(body, Role.CUSTOMER);
    }

    @GET
    @ExportedAs("customers")
    @RolesAllowed(Permission.Names.CUSTOMERS_READ)
    @Operation(
            operationId = "listCustomers",
            summary = "List customers",
            description = "Paged, q on name, email and phone; sort by id, name, email, created_at.")
    @APIResponse(
            responseCode = "200",
            description = "A page of customers",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class, type = SchemaType.ARRAY)))
    public Response list(@BeanParam CustomerListParameters parameters) {
        return Paging.ok(customers.list(parameters.page(uriInfo), null), uriInfo);
    }

    @GET
    @Path("me")
    @RolesAllowed(Permission.Names.CUSTOMER_PORTAL)
    @Operation(
            operationId = "getMyCustomerDetails",
            summary = "My contact details",
            description = "The customer record of the caller's "
                    + "account; 404 NOT_FOUND when the account has none. ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's customer record",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response getOwn() {
        return ETags.conditionalGet(request, customers.own(Caller.of(security)));
    }

    @PUT
    @Path("me")
    @RolesAllowed(Permission.Names.CUSTOMER_PORTAL)
    @Operation(
            operationId = "changeMyCustomerDetails",
            summary = "Change my contact details",
            description = "Name, phone and address of "
                    + "the caller's own customer record (a phone or address left out is cleared). The email is the "
                    + "account's sign-in address: it changes with PUT /api/auth/profile, not here. Audited. "
                    + "If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's customer record",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response changeOwn(@NotNull @Valid ContactDetailsRequest body) {
        return ETags.ok(customers.changeOwnDetails(Caller.of(security), ETags.expectedVersion(headers), body));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Permission.Names.CUSTOMERS_READ)
    @Operation(operationId = "getCustomer", summary = "Read a customer", description = "ETag; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "The customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response get(@PathParam("id") long id) {
        return ETags.conditionalGet(request, customers.get(id));
    }

    @POST
    @RolesAllowed(Permission.Names.CUSTOMERS_WRITE)
    @Operation(operationId = "createCustomer", summary = "Create a customer")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response create(@NotNull @Valid CustomerRequest body) {
        return ETags.created(uriInfo, customers.create(body));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Permission.Names.CUSTOMERS_WRITE)
    @Operation(
            operationId = "replaceCustomer",
            summary = "Replace a customer",
            description = "If-Match → 412 when stale.")
    @APIResponse(
            responseCode = "200",
            description = "The customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid CustomerRequest body) {
        return ETags.ok(customers.replace(id, ETags.expectedVersion(headers), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permission.Names.CUSTOMERS_WRITE)
    @Operation(
            operationId = "deleteCustomer",
            summary = "Delete a customer",
            description = "409 STILL_REFERENCED when it has orders.")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        customers.delete(id, ETags.expectedVersion(headers));
        return Response.noContent().build();
    }
}
