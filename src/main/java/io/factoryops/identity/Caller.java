package io.factoryops.identity;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller, as its verified access token describes it. */
public record Caller(long id, String username, Role role) {

    public static Caller of(JsonWebToken jwt) {
        return new Caller(Long.parseLong(jwt.getSubject()), jwt.getName(),
                Role.parse(jwt.getClaim("role"), "role"));
    }
}
