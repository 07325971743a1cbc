package io.factoryops.platform.request;

import java.util.Optional;

/**
 * What the platform knows about the HTTP request being served on this thread: its id, client
 * address, user agent and (once authenticated) the caller. Set by {@link RequestIdFilter}; empty on
 * threads that serve no request (timers, start-up).
 */
public final class CurrentRequest {

    private static final ThreadLocal<CurrentRequest> CURRENT = new ThreadLocal<>();

    private final String requestId;
    private final String clientIp;
    private final String userAgent;
    private final String path;
    private volatile String actor;

    CurrentRequest(String requestId, String clientIp, String userAgent, String path) {
        this.requestId = requestId;
        this.clientIp = clientIp;
        this.userAgent = userAgent;
        this.path = path;
    }

    static void set(CurrentRequest request) {
        CURRENT.set(request);
    }

    static void clear() {
        CURRENT.remove();
    }

    public static Optional<CurrentRequest> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static String requestId() {
        return get().map(CurrentRequest::id).orElse(null);
    }

    public static String clientIpOrUnknown() {
        return get().map(CurrentRequest::clientIp).orElse("unknown");
    }

    public String id() {
        return requestId;
    }

    public String clientIp() {
        return clientIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public String path() {
        return path;
    }

    public String actor() {
        return actor;
    }

    /** Records the authenticated caller's name for audit rows and log lines. */
    public void actor(String name) {
        this.actor = name;
    }

    /** A log-line prefix carrying the request id, so that one request's lines can be found together. */
    public static String logPrefix() {
        String id = requestId();
        return id == null ? "" : "[request_id=" + id + "] ";
    }
}
