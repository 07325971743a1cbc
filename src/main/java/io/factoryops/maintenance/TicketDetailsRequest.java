package io.factoryops.maintenance;

import java.time.LocalDate;

/** The asset and the work asked for, as a new ticket and a replace of one state them. */
interface TicketDetailsRequest {

    String vin();

    String serial();

    String make();

    String model();

    Integer year();

    String description();

    String priority();

    LocalDate serviceDate();
}
