package io.factoryops.maintenance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.db.Persisted;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.InvalidTransitionException;
import io.factoryops.platform.error.Lifecycle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service ticket's life without a server: the transitions each status allows, mechanics on it once,
 * labour and parts only while it may be worked, each part line given back once, totals rounded HALF_UP to cents.
 */
class ServiceTicketTest {

    private static final long ANA = 1;
    private static final long BEN = 2;

    private static ServiceTicket open() {
        ServiceTicket ticket =
                Persisted.withId(new ServiceTicket(42, new BigDecimal("60"), new BigDecimal("0.2"), "maria"), 9);
        ticket.describe(new ServiceTicket.Details(
                null, "SN-1", "Volvo", null, 2020, "Noise", TicketPriority.NORMAL, LocalDate.of(2026, 12, 1)));
        return ticket;
    }

    /** A ticket in {@code status}, reached through the transitions its life allows. */
    private static ServiceTicket in(TicketStatus status) {
        return Lifecycle.reach(open(), status, ServiceTicket::getStatus, VERBS, LIFE);
    }

    /** The verbs of the API and what each does to a ticket. */
    private static final Map<String, Consumer<ServiceTicket>> VERBS =
            Map.of("start", ServiceTicket::start, "complete", ServiceTicket::complete, "cancel", ServiceTicket::cancel);

    /** Every transition the life allows: from → verb → to (all others are refused). */
    private static final Map<TicketStatus, Map<String, TicketStatus>> LIFE = Map.of(
            TicketStatus.OPEN, Map.of("start", TicketStatus.IN_PROGRESS, "cancel", TicketStatus.CANCELLED),
            TicketStatus.IN_PROGRESS, Map.of("complete", TicketStatus.COMPLETED, "cancel", TicketStatus.CANCELLED),
            TicketStatus.COMPLETED, Map.of(),
            TicketStatus.CANCELLED, Map.of());

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void everyTransitionIsAllowedOrRefusedAsTheLifeSays(TicketStatus from) {
        assertEquals(LIFE.get(from).keySet(), java.util.Set.copyOf(from.allowedTransitions()), "what the API lists");
        new Lifecycle<>(
                        ServiceTicketTest::in,
                        ServiceTicket::getStatus,
                        TicketStatus::value,
                        TicketStatus::allowedTransitions,
                        VERBS,
                        LIFE)
                .assertFrom(from);
    }

    @Test
    void eachStepIsTimed() {
        ServiceTicket ticket = open();
        assertNull(ticket.getStartedAt());
        ticket.start();
        assertNotNull(ticket.getStartedAt());
        assertNull(ticket.getCompletedAt());
        ticket.complete();
        assertNotNull(ticket.getCompletedAt());
        assertNull(ticket.getCancelledAt());
        ServiceTicket cancelled = in(TicketStatus.CANCELLED);
        assertNotNull(cancelled.getCancelledAt());
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"COMPLETED", "CANCELLED"})
    void aClosedTicketIsNoLongerWorked(TicketStatus closed) {
        assertFalse(closed.workable());
        ServiceTicket ticket = in(closed);
        List<Runnable> work = List.of(
                () -> ticket.revise(new ServiceTicket.Details(
                        null, null, null, null, null, "x", TicketPriority.LOW, LocalDate.of(2026, 1, 1))),
                () -> ticket.assign(ANA, "maria", "mechanic_id"),
                () -> ticket.unassign(ANA, "mechanic_id"),
                () -> ticket.recordLabour(ANA, BigDecimal.ONE, "mechanic_id"),
                () -> ticket.fit(5, 1, BigDecimal.ONE, "maria"),
                () -> ticket.returnLine(1));
        for (Runnable change : work) {
            assertEquals(
                    ErrorCode.INVALID_TRANSITION,
                    assertThrows(InvalidTransitionException.class, change::run).code());
        }
        assertEquals("Noise", ticket.getDescription());
        assertTrue(ticket.getAssignments().isEmpty());
        assertTrue(ticket.getParts().isEmpty());
        assertFalse(ticket.isOpenToTake());
    }

    @Test
    void aWorkableTicketIsRevised() {
        ServiceTicket ticket = in(TicketStatus.IN_PROGRESS);
        ticket.revise(new ServiceTicket.Details(
                "VIN", null, "Saab", "900", 1990, "Rust", TicketPriority.URGENT, LocalDate.of(2026, 12, 2)));
        assertEquals("Rust", ticket.getDescription());
        assertEquals(TicketPriority.URGENT, ticket.getPriority());
        assertNull(ticket.getSerial());
        assertEquals(TicketStatus.IN_PROGRESS, ticket.getStatus());
    }

    @Test
    void aMechanicIsOnATicketOnce() {
        ServiceTicket ticket = open();
        assertTrue(ticket.isOpenToTake());
        ticket.assign(ANA, "maria", "mechanic_id");
        assertTrue(ticket.isAssigned(ANA));
        assertFalse(ticket.isOpenToTake(), "somebody works it");
        AssignmentException twice =
                assertThrows(AssignmentException.class, () -> ticket.assign(ANA, "maria", "add_mechanic_ids"));
        assertEquals(ErrorCode.ALREADY_EXISTS, twice.code());
        assertEquals("add_mechanic_ids", twice.errors().get(0).field());
        assertEquals(1, ticket.getAssignments().size());
    }

    @Test
    void onlyAnAssignedMechanicWithoutLabourIsRemoved() {
        ServiceTicket ticket = open();
        assertEquals(
                ErrorCode.CONFLICT,
                assertThrows(AssignmentException.class, () -> ticket.unassign(ANA, "remove_mechanic_ids"))
                        .code());
        ticket.assign(ANA, "maria", "mechanic_id");
        ticket.assign(BEN, "maria", "mechanic_id");
        ticket.recordLabour(BEN, new BigDecimal("0.25"), "mechanic_id");
        AssignmentException kept =
                assertThrows(AssignmentException.class, () -> ticket.unassign(BEN, "remove_mechanic_ids"));
        assertEquals(ErrorCode.STILL_REFERENCED, kept.code());
        assertEquals(
                "Mechanic 2 has 0.25 labour hours recorded on service ticket 9 and stays on it", kept.getMessage());
        ticket.unassign(ANA, "remove_mechanic_ids");
        assertFalse(ticket.isAssigned(ANA));
        assertTrue(ticket.isAssigned(BEN));
    }

    @Test
    void labourIsRecordedForAssignedMechanicsUpToTheMostARowHolds() {
        ServiceTicket ticket = open();
        assertEquals(
                ErrorCode.CONFLICT,
                assertThrows(AssignmentException.class, () -> ticket.recordLabour(ANA, BigDecimal.ONE, "mechanic_id"))
                        .code());
        ticket.assign(ANA, "maria", "mechanic_id");
        ticket.recordLabour(ANA, new BigDecimal("1.5"), "mechanic_id");
        ticket.recordLabour(ANA, new BigDecimal("0.25"), "mechanic_id");
        assertEquals(
                new BigDecimal("1.75"), ticket.assignment(ANA).orElseThrow().getHours());
        ticket.recordLabour(ANA, Assignment.MAX_HOURS.subtract(new BigDecimal("1.75")), "mechanic_id");
        assertEquals(Assignment.MAX_HOURS, ticket.labourHours());
        assertThrows(
                IllegalArgumentException.class, () -> ticket.recordLabour(ANA, new BigDecimal("0.01"), "mechanic_id"));
        assertEquals(Assignment.MAX_HOURS, ticket.labourHours(), "the refused hours were not added");
    }

    @Test
    void partLinesAreNumberedAndGivenBackOnce() {
        ServiceTicket ticket = open();
        TicketPart first = Persisted.withId(ticket.fit(5, 2, new BigDecimal("3.00"), "maria"), 100);
        TicketPart second = Persisted.withId(ticket.fit(6, 1, new BigDecimal("4.00"), "ana"), 101);
        assertEquals(
                List.of(1, 2),
                ticket.getParts().stream().map(TicketPart::getLineNo).toList());
        assertEquals(first, ticket.returnLine(100).orElseThrow());
        assertNotNull(first.getReturnedAt());
        assertThrows(IllegalStateException.class, () -> ticket.returnLine(100), "a line is given back once");
        assertTrue(ticket.returnLine(999).isEmpty(), "no such line");
        assertEquals(new BigDecimal("4.00"), ticket.partsTotal(), "returned lines cost nothing");
        TicketPart third = Persisted.withId(ticket.fit(7, 1, BigDecimal.ONE, "maria"), 102);
        assertEquals(3, third.getLineNo(), "numbers are not reused");
        assertNull(second.getReturnedAt());
    }

    @Test
    void aCancelledTicketGivesBackTheLinesStillFitted() {
        ServiceTicket ticket = open();
        Persisted.withId(ticket.fit(5, 2, new BigDecimal("3.00"), "maria"), 100);
        TicketPart kept = Persisted.withId(ticket.fit(6, 1, new BigDecimal("4.00"), "maria"), 101);
        ticket.returnLine(100);
        assertEquals(List.of(kept), ticket.cancel());
        assertNotNull(kept.getReturnedAt());
        assertEquals(new BigDecimal("0.00"), ticket.partsTotal());
        assertEquals(TicketStatus.CANCELLED, ticket.getStatus());
    }

    @Test
    void theMoneyIsRoundedHalfUpToCents() {
        ServiceTicket ticket =
                Persisted.withId(new ServiceTicket(42, new BigDecimal("45.555"), new BigDecimal("0.0825"), "maria"), 9);
        assertEquals(new BigDecimal("45.56"), ticket.getLabourRate(), "the labour rate is kept in cents");
        assertEquals(new BigDecimal("0.00"), ticket.total(), "nothing done, nothing owed");
        TicketPart line = ticket.fit(5, 2, new BigDecimal("12.345"), "maria");
        assertEquals(new BigDecimal("12.35"), line.getUnitCost());
        assertEquals(new BigDecimal("24.70"), line.getLineTotal());
        ticket.assign(ANA, "maria", "mechanic_id");
        ticket.recordLabour(ANA, new BigDecimal("1.5"), "mechanic_id");
        assertEquals(new BigDecimal("1.50"), ticket.labourHours());
        assertEquals(new BigDecimal("68.34"), ticket.labourTotal(), "1.50 × 45.56 = 68.34");
        assertEquals(new BigDecimal("24.70"), ticket.partsTotal());
        assertEquals(new BigDecimal("93.04"), ticket.subtotal());
        assertEquals(new BigDecimal("7.68"), ticket.tax(), "93.04 × 0.0825 = 7.6758");
        assertEquals(new BigDecimal("100.72"), ticket.total());
    }

    @Test
    void anInProgressTicketStillTakesWork() {
        ServiceTicket ticket = in(TicketStatus.IN_PROGRESS);
        assertDoesNotThrow(() -> ticket.assign(ANA, "maria", "mechanic_id"));
        assertDoesNotThrow(() -> ticket.fit(5, 1, BigDecimal.TEN, "ana"));
        assertEquals(new BigDecimal("12.00"), ticket.total(), "10.00 + 20% tax");
    }
}
