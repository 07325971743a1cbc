package io.factoryops.procurement;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A company the plant buys parts from; deactivated rather than deleted once anything refers to it. */
@Entity
@Table(name = "suppliers")
public class Supplier extends VersionedEntity {

    /** The longest promised delivery time, in days. */
    public static final int MAX_LEAD_TIME_DAYS = 365;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(length = 100)
    private String contact;

    @Column(length = 255)
    private String email;

    @Column(length = 50)
    private String phone;

    @Column(length = 500)
    private String address;

    @Column(name = "lead_time_days")
    private Integer leadTimeDays;

    @Column(name = "payment_terms", length = 50)
    private String paymentTerms;

    @Column(nullable = false)
    private boolean active;

    /** A new supplier, to be described ({@link #describe}) before it is persisted. */
    protected Supplier() {}

    /** What POST and PUT set, all at once. */
    record Terms(
            String name,
            String code,
            String contact,
            String email,
            String phone,
            String address,
            Integer leadTimeDays,
            String paymentTerms,
            boolean active) {

        Terms {
            if (leadTimeDays != null && (leadTimeDays < 0 || leadTimeDays > MAX_LEAD_TIME_DAYS)) {
                throw new IllegalArgumentException("lead time out of range: " + leadTimeDays);
            }
        }
    }

    final void describe(Terms terms) {
        this.name = terms.name();
        this.code = terms.code();
        this.contact = terms.contact();
        this.email = terms.email();
        this.phone = terms.phone();
        this.address = terms.address();
        this.leadTimeDays = terms.leadTimeDays();
        this.paymentTerms = terms.paymentTerms();
        this.active = terms.active();
    }

    public String getName() {
        return name;
    }

    public String getCode() {
        return code;
    }

    public String getContact() {
        return contact;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public boolean isActive() {
        return active;
    }
}
