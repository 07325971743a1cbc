package io.factoryops.events;

import io.factoryops.platform.error.DomainException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs a webhook may call, so that a subscription cannot probe the plant's network (SSRF): HTTPS only, no
 * user info, and every address the host resolves to public: no loopback, private (RFC 1918, IPv6 unique local),
 * link-local (169.254/16, cloud metadata included, fe80::/10), carrier-grade NAT, "this network", multicast or
 * reserved address. Hosts on the allow-list ({@code factory.webhooks.allowed-hosts}) may be private and plain HTTP;
 * {@code factory.webhooks.allow-http} allows plain HTTP to public hosts. Checked when a subscription is saved and
 * again right before every call (an address may change).
 */
public final class UrlPolicy {

    /** Resolves a host name to all its addresses. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    /** A URL this policy refuses, and why (for the API's problem and the delivery log). */
    public static final class RefusedUrlException extends DomainException {
        private static final long serialVersionUID = 1L;

        RefusedUrlException(String message) {
            super("url " + message);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.WEBHOOK_URL_REFUSED;
        }

        @Override
        public List<FieldError> errors() {
            return List.of(new FieldError("url", getMessage().substring("url ".length())));
        }
    }

    static final int MAX_LENGTH = 2000;

    private final boolean allowHttp;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public UrlPolicy(boolean allowHttp, Set<String> allowedHosts, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedHosts = allowedHosts;
        this.resolver = resolver;
    }

    /** The URL as a URI when this policy allows it; {@link RefusedUrlException} naming why otherwise. */
    public URI check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw new RefusedUrlException("must be an absolute https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RefusedUrlException("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedUrlException("must not have a fragment");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean allowed = allowedHosts.contains(bare.toLowerCase(Locale.ROOT));
        if (scheme.equals("http") && !allowHttp && !allowed) {
            throw new RefusedUrlException("must use https (plain http is allowed only for hosts on "
                    + "FACTORY_WEBHOOKS_ALLOWED_HOSTS, or everywhere with FACTORY_WEBHOOKS_ALLOW_HTTP)");
        }
        if (allowed) {
            return uri;
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("names a host that does not resolve: " + bare);
        }
        if (addresses.isEmpty()) {
            throw new RefusedUrlException("names a host that does not resolve: " + bare);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedUrlException("resolves to a private, loopback, link-local or reserved address ("
                        + address.getHostAddress() + "); such hosts need FACTORY_WEBHOOKS_ALLOWED_HOSTS");
            }
        }
        return uri;
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 site local (deprecated)
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0))) {
                // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): judge the IPv4 address
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                // 64:ff9b::/96 NAT64: judge the embedded IPv4 address
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0 // "this network"
                || a0 == 10
                || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
                || (a0 == 169 && a1 == 254) // link local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || a0 >= 224); // multicast, reserved, broadcast
    }
}
