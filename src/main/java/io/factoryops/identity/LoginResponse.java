package io.factoryops.identity;

/** The answer to a login or a refresh: a bearer access token, its refresh token and the account. */
public record LoginResponse(
        String message, String accessToken, String tokenType, long expiresIn, String refreshToken, UserResponse user) {}
