package io.factoryops.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The OpenID Connect provider as this service sees it: its access tokens verified (signature by a key of its JWKS,
 * issuer, audience, expiry, {@code typ}), its discovery document read, and an authorization code redeemed.
 *
 * <p>Keys are never configured, only the JWKS URL: the key set is fetched on first use and cached (5 minutes, then
 * refreshed ahead of expiry); a token signed with a key the cache does not know makes one refetch at once (at most
 * one per {@code FACTORY_SSO_KEY_REFETCH_SECONDS}, default 30: forged key ids cannot flood the provider), so a key
 * rotated at the provider is accepted without a restart. Only asymmetric signatures are
 * accepted (RS*, PS*, ES*): never {@code none}, never HMAC with a public key.
 */
@ApplicationScoped
public class SsoProvider {

    private static final Logger LOG = Logger.getLogger(SsoProvider.class.getName());
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DISCOVERY_TTL = Duration.ofHours(1);
    private static final String RETRY_AFTER_SECONDS = "30";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    @Inject
    SsoSettings settings;

    private DefaultJWTProcessor<SecurityContext> processor;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private volatile Discovery discovery;

    /** The provider's endpoints, from its discovery document. */
    record Discovery(String authorizationEndpoint, String tokenEndpoint, Instant readAt) {}

    @PostConstruct
    void build() {
        if (!settings.enabled()) {
            return;
        }
        JWKSource<SecurityContext> keys;
        try {
            int timeout = (int) HTTP_TIMEOUT.toMillis();
            keys = JWKSourceBuilder.create(
                            URI.create(settings.jwksUrl()).toURL(),
                            new DefaultResourceRetriever(timeout, timeout, 1024 * 1024))
                    .retrying(true)
                    .rateLimited(settings.keyRefetchInterval().toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("FACTORY_SSO_JWKS_URL is not a URL", e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                Set.of("sub", "exp", "iat"));
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The claims of a valid access token of the provider; 401 INVALID_PROVIDER_TOKEN for anything else (forged,
     * expired, another issuer or audience), 503 when the provider's keys cannot be fetched.
     */
    JWTClaimsSet verify(String token) {
        requireEnabled();
        try {
            return processor.process(token, null);
        } catch (RateLimitReachedException e) {
            // a key id the cached set lacks, and the set was fetched moments ago: not a key of the provider's
            throw new ApiException(
                    ErrorCode.INVALID_PROVIDER_TOKEN,
                    "Not a valid token of " + settings.name() + ": signed with a key it does not publish");
        } catch (KeySourceException e) {
            LOG.log(Level.WARNING, "The identity provider's keys could not be fetched from " + settings.jwksUrl(), e);
            throw unreachable();
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new ApiException(
                    ErrorCode.INVALID_PROVIDER_TOKEN, "Not a valid token of " + settings.name() + ": " + reason(e));
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        // the library's messages name what failed (expired, audience, issuer, signature), never the token
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /**
     * Redeems an authorization code (Authorization Code with PKCE, RFC 7636) at the provider's token endpoint as
     * the console's public client, and returns the access token it answers with.
     */
    String redeem(String code, String codeVerifier, String redirectUri) {
        requireEnabled();
        String clientId = settings.clientId()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.INVALID_PROVIDER_TOKEN, "No console client is configured for " + settings.name()));
        String form = Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "code_verifier", codeVerifier,
                        "redirect_uri", redirectUri,
                        "client_id", clientId)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(URI.create(discovery().tokenEndpoint()))
                        .timeout(HTTP_TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        Map<String, Object> body = json(answer.body());
        Object token = body.get("access_token");
        if (answer.statusCode() != 200 || !(token instanceof String)) {
            throw new ApiException(
                    ErrorCode.INVALID_PROVIDER_TOKEN,
                    settings.name() + " refused the authorization code ("
                            + body.getOrDefault("error", answer.statusCode()) + ")");
        }
        return (String) token;
    }

    /** The provider's discovery document ({@code <issuer>/.well-known/openid-configuration}), read at most hourly. */
    Discovery discovery() {
        requireEnabled();
        Discovery known = discovery;
        if (known != null && known.readAt().plus(DISCOVERY_TTL).isAfter(Instant.now())) {
            return known;
        }
        String issuer = settings.issuer();
        String url = (issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(HTTP_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build());
        Map<String, Object> body = json(answer.body());
        if (answer.statusCode() != 200
                || !(body.get("authorization_endpoint") instanceof String authorization)
                || !(body.get("token_endpoint") instanceof String tokenEndpoint)) {
            LOG.warning("The identity provider's discovery document at " + url + " answered " + answer.statusCode());
            throw unreachable();
        }
        discovery = new Discovery(authorization, tokenEndpoint, Instant.now());
        return discovery;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The identity provider did not answer " + request.uri(), e);
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    private static ApiException unreachable() {
        return ApiException.retryLater(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The identity provider cannot be reached; retry after " + RETRY_AFTER_SECONDS + " s",
                RETRY_AFTER_SECONDS);
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            return Map.of();
        }
    }

    /** Without a configured provider no provider's token or code is valid here: 401, as for any other. */
    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new ApiException(
                    ErrorCode.INVALID_PROVIDER_TOKEN, "No identity provider is configured: single sign-on is off");
        }
    }
}
