package io.factoryops.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factoryops.catalog.ProductResponse;
import io.factoryops.identity.Role;
import io.factoryops.identity.UserRequest;
import io.factoryops.identity.UserResponse;
import io.factoryops.identity.UserUpdateRequest;
import io.factoryops.inventory.PartResponse;
import io.factoryops.notification.NotificationResponse;
import io.factoryops.notification.NotificationType;
import io.factoryops.notification.ReferenceType;
import io.factoryops.procurement.PurchaseOrderResponse;
import io.factoryops.procurement.PurchaseOrderStatus;
import io.factoryops.reporting.AnalyticsReport;
import io.factoryops.reporting.Granularity;
import io.factoryops.reporting.PurchaseOrderReport;
import io.factoryops.reporting.ReportKind;
import io.factoryops.reporting.ReportRunResponse;
import io.factoryops.reporting.ReportRunStatus;
import io.factoryops.reporting.ReportTrigger;
import io.factoryops.sales.OrderResponse;
import io.factoryops.sales.OrderStatus;
import io.factoryops.stock.StockMovementResponse;
import io.factoryops.stock.StockReason;
import io.factoryops.stock.StockReferenceType;
import io.factoryops.stock.StockStatus;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** The closed sets the document lists as enums are exactly the Java enums' wire values. */
class DocumentedEnumsTest {

    @Test
    void documentedEnumsAreTheJavaEnums() throws NoSuchFieldException {
        assertDocuments(OrderResponse.class, "status", OrderStatus.values(), OrderStatus::value);
        assertDocuments(StockMovementResponse.class, "reason", StockReason.values(), StockReason::name);
        assertDocuments(
                StockMovementResponse.class, "referenceType", StockReferenceType.values(), StockReferenceType::name);
        assertDocuments(ProductResponse.class, "stockStatus", StockStatus.values(), StockStatus::value);
        assertDocuments(PartResponse.class, "status", StockStatus.values(), StockStatus::value);
        assertDocuments(
                PurchaseOrderResponse.class, "status", PurchaseOrderStatus.values(), PurchaseOrderStatus::value);
        assertDocuments(NotificationResponse.class, "type", NotificationType.values(), NotificationType::name);
        assertDocuments(NotificationResponse.class, "referenceType", ReferenceType.values(), ReferenceType::name);
        assertDocuments(ReportRunResponse.class, "kind", ReportKind.values(), ReportKind::value);
        assertDocuments(
                ReportRunResponse.class,
                "status",
                ReportRunStatus.values(),
                s -> s.name().toLowerCase(java.util.Locale.ROOT));
        assertDocuments(
                ReportRunResponse.class,
                "trigger",
                ReportTrigger.values(),
                t -> t.name().toLowerCase(java.util.Locale.ROOT));
        assertDocuments(AnalyticsReport.class, "granularity", Granularity.values(), Granularity::value);
        assertDocuments(
                PurchaseOrderReport.PurchaseOrdersByStatus.class,
                "status",
                PurchaseOrderStatus.values(),
                PurchaseOrderStatus::value);
        for (Class<? extends Record> type : List.of(UserResponse.class, UserRequest.class, UserUpdateRequest.class)) {
            assertDocuments(type, "role", Role.values(), Role::value);
        }
    }

    private static <E> void assertDocuments(
            Class<? extends Record> type, String component, E[] values, Function<E, String> wire)
            throws NoSuchFieldException {
        Schema schema = type.getDeclaredField(component).getAnnotation(Schema.class);
        assertEquals(
                Arrays.stream(values).map(wire).toList(),
                List.of(schema.enumeration()),
                type.getSimpleName() + "." + component);
    }
}
