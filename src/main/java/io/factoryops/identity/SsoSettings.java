package io.factoryops.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on's settings ({@code factory.sso.*}, from {@code FACTORY_SSO_*}): the OpenID Connect provider whose
 * access tokens are exchanged for ours, and how its groups map to our roles. No {@code FACTORY_SSO_ISSUER}: single
 * sign-on is off. An invalid setting fails the start-up.
 *
 * <p>{@code FACTORY_SSO_GROUP_ROLES} maps provider groups to roles, {@code group=role} separated by commas: a
 * built-in role among {@code admin}, {@code manager} and {@code user} (super admins, mechanics and customers stay
 * local accounts: the break-glass super admin must not depend on the provider, and mechanics and customers belong
 * to their records), or a custom role's name. An account's built-in role is the highest its groups map to
 * ({@code user} when they map to custom roles only); its custom roles are those its groups map to.
 */
@ApplicationScoped
public class SsoSettings {

    private static final Logger LOG = Logger.getLogger(SsoSettings.class.getName());

    @Inject
    @ConfigProperty(name = "factory.sso.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "factory.sso.jwks-url")
    Optional<String> jwksUrl;

    @Inject
    @ConfigProperty(name = "factory.sso.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "factory.sso.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "factory.sso.name", defaultValue = "single sign-on")
    String name;

    @Inject
    @ConfigProperty(name = "factory.sso.group-roles")
    Optional<String> groupRoles; // an empty default would count as no value: MicroProfile Config refuses to inject it

    @Inject
    @ConfigProperty(name = "factory.sso.groups-claim", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "factory.sso.username-claim", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "factory.sso.clock-skew-seconds", defaultValue = "60")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "factory.sso.key-refetch-seconds", defaultValue = "30")
    int keyRefetchSeconds;

    private Map<String, String> roleOfGroup = Map.of();

    @PostConstruct
    void parse() {
        if (issuer.isEmpty()) {
            return;
        }
        require(jwksUrl, "factory.sso.jwks-url (FACTORY_SSO_JWKS_URL)");
        require(audience, "factory.sso.audience (FACTORY_SSO_AUDIENCE)");
        httpUrl(issuer.get(), "FACTORY_SSO_ISSUER");
        httpUrl(jwksUrl.get(), "FACTORY_SSO_JWKS_URL");
        if (clockSkewSeconds < 0 || clockSkewSeconds > 300) {
            throw new IllegalStateException("FACTORY_SSO_CLOCK_SKEW_SECONDS must be between 0 and 300");
        }
        if (keyRefetchSeconds < 1 || keyRefetchSeconds > 3600) {
            throw new IllegalStateException("FACTORY_SSO_KEY_REFETCH_SECONDS must be between 1 and 3600");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : groupRoles.orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split("=", 2);
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalStateException(
                        "FACTORY_SSO_GROUP_ROLES: '" + entry.trim() + "' is not group=role (comma-separated pairs)");
            }
            String role = pair[1].trim();
            if (Role.SUPER_ADMIN.value().equals(role)
                    || Role.MECHANIC.value().equals(role)
                    || Role.CUSTOMER.value().equals(role)) {
                throw new IllegalStateException("FACTORY_SSO_GROUP_ROLES: single sign-on never gives the role " + role
                        + " (super admins, mechanics and customers are local accounts)");
            }
            parsed.put(pair[0].trim(), role);
        }
        if (parsed.isEmpty()) {
            LOG.warning("Single sign-on is configured but FACTORY_SSO_GROUP_ROLES maps no group: nobody can sign in");
        }
        roleOfGroup = Collections.unmodifiableMap(parsed);
        LOG.info("Single sign-on through " + name + " (" + issuer.get() + "), groups mapped: " + parsed.keySet());
    }

    void validateAtStart(@Observes Startup startup) {
        // the @PostConstruct above has run: an invalid setting has failed the start
    }

    private static void require(Optional<String> value, String what) {
        if (value.isEmpty() || value.get().isBlank()) {
            throw new IllegalStateException(what + " is required when FACTORY_SSO_ISSUER is set");
        }
    }

    private static void httpUrl(String value, String what) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not a URL: " + value);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException(what + " must be an https (or http) URL: " + value);
        }
    }

    public boolean enabled() {
        return issuer.isPresent();
    }

    String issuer() {
        return issuer.orElseThrow();
    }

    String jwksUrl() {
        return jwksUrl.orElseThrow();
    }

    String audience() {
        return audience.orElseThrow();
    }

    /** The console's client at the provider (a public client: Authorization Code with PKCE, no secret). */
    Optional<String> clientId() {
        return clientId;
    }

    String name() {
        return name;
    }

    String groupsClaim() {
        return groupsClaim;
    }

    String usernameClaim() {
        return usernameClaim;
    }

    Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }

    /** The least time between two fetches of the key set for unknown key ids. */
    Duration keyRefetchInterval() {
        return Duration.ofSeconds(keyRefetchSeconds);
    }

    /** What each mapped group gives: a built-in role's name or a custom role's, in configuration order. */
    Map<String, String> roleOfGroup() {
        return roleOfGroup;
    }
}
