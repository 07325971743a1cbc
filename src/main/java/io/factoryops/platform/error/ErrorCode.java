package io.factoryops.platform.error;

import java.util.Locale;

/** The stable problem codes a client can see. Never rename one: integrators switch on them. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Validation failed"),
    INVALID_PARAMETER(400, "Invalid parameter"),
    MALFORMED_JSON(400, "Malformed JSON"),
    BAD_REQUEST(400, "Bad request"),
    UNSUPPORTED_GRANT_TYPE(400, "Unsupported grant type"),
    EXPORT_TOO_LARGE(400, "Too large for this format"),
    WEAK_PASSWORD(400, "Password does not meet the policy"),
    INVALID_CONFIRMATION_TOKEN(400, "Invalid confirmation token"),
    WEBHOOK_URL_REFUSED(400, "Webhook URL refused"),
    UNAUTHORIZED(401, "Authentication required"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    TOKEN_REVOKED(401, "Token revoked"),
    INVALID_CLIENT(401, "Invalid client"),
    INVALID_REFRESH_TOKEN(401, "Invalid refresh token"),
    INVALID_PROVIDER_TOKEN(401, "Invalid identity provider token"),
    REFRESH_TOKEN_REUSED(401, "Refresh token reused"),
    FORBIDDEN(403, "Forbidden"),
    NO_MAPPED_ROLE(403, "No group of the identity provider maps to a role"),
    PASSWORD_SIGN_IN_OFF(403, "Password sign-in is off: sign in through the identity provider"),
    SELF_APPROVAL(403, "Four eyes: not by its creator, last editor or submitter"),
    RELATED_ACCOUNT(403, "Four eyes: not by a tied account"),
    APPROVAL_LIMIT(403, "Above the approval limit of the caller's role"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    ALREADY_EXISTS(409, "Already exists"),
    STILL_REFERENCED(409, "Still referenced"),
    LAST_SUPER_ADMIN(409, "Last super admin"),
    CONFLICT(409, "Conflict"),
    INSUFFICIENT_STOCK(409, "Insufficient stock"),
    INVALID_TRANSITION(409, "Invalid transition"),
    TREE_CYCLE(409, "Tree cycle"),
    CONFIRMATION_TOKEN_EXPIRED(410, "Confirmation token expired"),
    VERSION_CONFLICT(412, "Version conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    RATE_LIMITED(429, "Too many requests"),
    EXPORT_LIMIT_REACHED(429, "Too many exports running"),
    INTERNAL_ERROR(500, "Internal server error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    SERVICE_BUSY(503, "Service busy");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem's {@code type}: a URI reference naming the code, e.g. {@code /problems/not-found}. */
    public String type() {
        return "/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The code a bare HTTP status maps to when nothing more specific is known. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> VERSION_CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
