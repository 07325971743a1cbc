package io.factoryops.platform.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API at {@code /api}, secured by MicroProfile JWT bearer tokens. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Factory Ops API",
                        version = "1.0",
                        contact = @Contact(name = "Factory Ops", url = "https://factoryops.io"),
                        description =
                                "Factory operations: the factory (employees, products, customers, orders, production, "
                                        + "analytics), the mechanic shop (mechanics, service tickets) and inventory and procurement "
                                        + "(parts, suppliers, purchase orders, reports, exports). Errors are RFC 9457 "
                                        + "application/problem+json with a stable `code`. Authenticate with POST /api/auth/login and "
                                        + "send `Authorization: Bearer <access_token>`. A missing, expired or forged token is 401: "
                                        + "problem+json when the application answers, or an empty body with "
                                        + "`WWW-Authenticate: Bearer error=\"invalid_token\"` when Liberty's JWT layer rejects it first. "
                                        + "Each operation names the permissions that admit a caller in `x-permissions` (any one of "
                                        + "them; GET /api/permissions lists them all), and the built-in roles holding them in `x-roles` "
                                        + "and in the first sentence of its description; a higher role has every right of a lower one "
                                        + "(super_admin > admin > manager > user), while mechanic and customer stand apart. Custom "
                                        + "roles (/api/custom-roles) add permissions to the accounts that hold them."))
@SecurityScheme(
        securitySchemeName = RestApplication.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class RestApplication extends Application {

    /** The name of the bearer security scheme in the OpenAPI document. */
    public static final String BEARER = "bearer";
}
