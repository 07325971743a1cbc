package io.factoryops.platform.http;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The one way to do conditional requests: an object's ETag is its version; {@code If-None-Match}
 * on GET answers 304; {@code If-Match} on a change is handed to the service, which compares it with
 * the stored version inside its transaction.
 */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the body and its ETag, or 304 when the client's copy is current. */
    public static Response conditionalGet(Request request, long version, Object body) {
        EntityTag tag = of(version);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(body).tag(tag).build();
    }

    /** 200 with the body and its ETag, or 304 when the client's copy is current. */
    public static Response conditionalGet(Request request, Versioned body) {
        return conditionalGet(request, body.version(), body);
    }

    /** 201 with the new object, its ETag and its {@code Location} (the request path + "/" + id). */
    public static Response created(UriInfo uriInfo, long id, long version, Object body) {
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(Long.toString(id)).build())
                .tag(of(version))
                .entity(body)
                .build();
    }

    /** 200 with the changed object and its new ETag. */
    public static Response ok(long version, Object body) {
        return Response.ok(body).tag(of(version)).build();
    }

    /** 200 with the changed object and its new ETag. */
    public static Response ok(Versioned body) {
        return ok(body.version(), body);
    }

    /**
     * The version the client expects from {@code If-Match}, which an operation marked {@link IfMatchRequired}
     * cannot do without: 428 {@code PRECONDITION_REQUIRED} when it is absent or "*" (which matches any version).
     */
    public static long requiredVersion(HttpHeaders headers) {
        Long version = expectedVersion(headers);
        if (version == null) {
            throw new ApiException(
                    ErrorCode.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you "
                            + "read (GET it first); \"*\" is not enough here");
        }
        return version;
    }

    /**
     * The version the client expects from {@code If-Match}, or null when it sent none (or "*").
     * Accepts strong and weak forms: {@code "3"}, {@code W/"3"}.
     */
    public static Long expectedVersion(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (value == null || value.isBlank() || value.trim().equals("*")) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("If-Match", "must be an ETag returned by this API, e.g. \"3\"");
        }
    }
}
