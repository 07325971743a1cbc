package io.factoryops.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.error.ErrorCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The webhook URL policy: what a subscription may call, with a resolver the test controls. */
class UrlPolicyTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "mixed.example.com", List.of("93.184.216.34", "10.1.2.3"),
            "rebind.example.com", List.of("169.254.169.254"),
            "v6.example.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "mapped.example.com", List.of("::ffff:127.0.0.1"),
            "ula.example.com", List.of("fd12:3456:789a::1"),
            "plant.local", List.of("192.168.10.5"));

    private static final UrlPolicy.Resolver RESOLVER = host -> {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
                return List.of(InetAddress.getByName(host)); // a literal: no lookup
            }
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(UrlPolicyTest::literal).toList();
    };

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private final UrlPolicy strict = new UrlPolicy(false, Set.of(), RESOLVER);

    @Test
    void httpsToPublicAddressesIsAllowed() {
        assertEquals(
                "https://hooks.example.com/in",
                strict.check("https://hooks.example.com/in").toString());
        assertEquals(
                "https://93.184.216.34:8443/x?y=1",
                strict.check("https://93.184.216.34:8443/x?y=1").toString());
        strict.check("https://v6.example.com/");
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreRefused() {
        for (String url : List.of(
                "https://127.0.0.1/",
                "https://127.1.2.3/",
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/",
                "https://172.16.0.1/",
                "https://172.31.255.255/",
                "https://192.168.1.1/",
                "https://100.64.0.1/",
                "https://0.0.0.0/",
                "https://224.0.0.1/",
                "https://255.255.255.255/",
                "https://[::1]/",
                "https://[fe80::1]/",
                "https://[fd00::1]/",
                "https://[::ffff:10.0.0.1]/",
                "https://mixed.example.com/",
                "https://rebind.example.com/",
                "https://mapped.example.com/",
                "https://ula.example.com/",
                "https://plant.local/")) {
            UrlPolicy.RefusedUrlException e =
                    assertThrows(UrlPolicy.RefusedUrlException.class, () -> strict.check(url), url);
            assertEquals(ErrorCode.WEBHOOK_URL_REFUSED, e.code());
            assertEquals("url", e.errors().get(0).field());
        }
    }

    @Test
    void onlyHttpsWithAHostAndNoCredentials() {
        for (String url : List.of(
                "http://hooks.example.com/",
                "ftp://hooks.example.com/",
                "file:///etc/passwd",
                "hooks.example.com/in",
                "https:///nohost",
                "https://user:pw@hooks.example.com/",
                "https://hooks.example.com/#frag",
                "https://unknown.example.com/",
                "not a url",
                "",
                "https://hooks.example.com/" + "a".repeat(2000))) {
            assertThrows(UrlPolicy.RefusedUrlException.class, () -> strict.check(url), url);
        }
    }

    @Test
    void theAllowListPermitsPrivateHostsAndPlainHttp() {
        UrlPolicy allowing = new UrlPolicy(false, Set.of("127.0.0.1", "plant.local"), RESOLVER);
        allowing.check("http://127.0.0.1:8080/hook");
        allowing.check("https://plant.local/hook");
        assertThrows(UrlPolicy.RefusedUrlException.class, () -> allowing.check("https://169.254.169.254/"));
        assertThrows(UrlPolicy.RefusedUrlException.class, () -> allowing.check("http://hooks.example.com/"));
        UrlPolicy http = new UrlPolicy(true, Set.of(), RESOLVER);
        http.check("http://hooks.example.com/");
        assertThrows(UrlPolicy.RefusedUrlException.class, () -> http.check("http://10.0.0.1/"));
    }

    @Test
    void publicAddressesArePublic() throws Exception {
        assertTrue(UrlPolicy.isPublic(InetAddress.getByName("8.8.8.8")));
        assertTrue(UrlPolicy.isPublic(InetAddress.getByName("2001:4860:4860::8888")));
    }
}
