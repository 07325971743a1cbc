package io.factoryops.sales;

/**
 * The answer to every well-formed registration, whether the address was free or taken: the same words, so
 * that it tells nothing about who has an account.
 */
public record RegistrationAccepted(String message) {

    static final RegistrationAccepted INSTANCE = new RegistrationAccepted("If this address can be registered, "
            + "a confirmation mail is on its way to it. Confirm with the token it holds, choosing your password "
            + "(POST /api/customers/confirm), before it expires; until then there is no account.");
}
