package io.factoryops.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordService passwords = new PasswordService();

    {
        passwords.minLength = 12;
    }

    @Test
    void acceptsAReasonablePassword() {
        assertDoesNotThrow(() -> passwords.checkPolicy("Sturdy-Passw0rd-42", "ann", "password"));
    }

    @Test
    void rejectsWeakOnes() {
        for (String weak : new String[] {
            "Short1", "onlyletterslong", "123456789012345", "aaaaaaaaaaaa1", "ann-is-great-2024", "x1".repeat(70)
        }) {
            ApiException e =
                    assertThrows(ApiException.class, () -> passwords.checkPolicy(weak, "ann", "password"), weak);
            assertEquals(ErrorCode.WEAK_PASSWORD, e.code());
            assertEquals("password", e.errors().get(0).field());
        }
    }
}
