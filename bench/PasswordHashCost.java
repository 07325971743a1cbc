import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Where one password hash's time goes (bench/README.md, "Password hash cost"): PBKDF2-HMAC-SHA512 at
 * 210,000 iterations, 32-byte salt and key, as the server computes it (the JDK's
 * PBKDF2WithHmacSHA512, which Jakarta Security's Pbkdf2PasswordHash calls), next to the same function
 * computed with the HMAC pads hashed once instead of once per iteration (what OpenSSL, Bouncy Castle
 * or hashcat do). Both give the same bytes; CPU time of this thread, best of `rounds`.
 *
 *   java bench/PasswordHashCost.java [iterations=210000] [rounds=5]
 */
public class PasswordHashCost {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 210_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        char[] password = "Correct-Horse-Battery-9".toCharArray();
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.printf("%s %s, %d iterations%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), iterations);

        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        byte[] jdk = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = cpu.getCurrentThreadCpuTime();
            jdk = factory.generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("JDK PBKDF2WithHmacSHA512:        %.1f ms CPU%n", best / 1e6);

        byte[] pads = null;
        best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = cpu.getCurrentThreadCpuTime();
            pads = pbkdf2PadsOnce(new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8), salt, iterations);
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("pads hashed once (same output: %s): %.1f ms CPU%n", Arrays.equals(jdk, pads), best / 1e6);
    }

    /** PBKDF2-HMAC-SHA512, one 64-byte block truncated to 32 bytes, key shorter than 128 bytes. */
    static byte[] pbkdf2PadsOnce(byte[] key, byte[] salt, int iterations) throws Exception {
        byte[] ipad = new byte[128];
        byte[] opad = new byte[128];
        for (int i = 0; i < 128; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        MessageDigest inner = MessageDigest.getInstance("SHA-512");
        inner.update(ipad);
        MessageDigest outer = MessageDigest.getInstance("SHA-512");
        outer.update(opad);
        MessageDigest i = (MessageDigest) inner.clone();
        i.update(salt);
        i.update(new byte[] {0, 0, 0, 1});
        MessageDigest o = (MessageDigest) outer.clone();
        o.update(i.digest());
        byte[] u = o.digest();
        byte[] t = u.clone();
        for (int n = 1; n < iterations; n++) {
            i = (MessageDigest) inner.clone();
            i.update(u);
            o = (MessageDigest) outer.clone();
            o.update(i.digest());
            u = o.digest();
            for (int b = 0; b < t.length; b++) {
                t[b] ^= u[b];
            }
        }
        return Arrays.copyOf(t, 32);
    }
}
