package it.io.factoryops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.client.ApiClient;
import it.io.factoryops.client.ApiException;
import it.io.factoryops.client.api.AuthenticationApi;
import it.io.factoryops.client.api.CustomersApi;
import it.io.factoryops.client.api.OrdersApi;
import it.io.factoryops.client.api.ProductsApi;
import it.io.factoryops.client.model.CustomerRequest;
import it.io.factoryops.client.model.CustomerResponse;
import it.io.factoryops.client.model.LoginRequest;
import it.io.factoryops.client.model.LoginResponse;
import it.io.factoryops.client.model.OrderLineRequest;
import it.io.factoryops.client.model.OrderPage;
import it.io.factoryops.client.model.OrderRequest;
import it.io.factoryops.client.model.OrderResponse;
import it.io.factoryops.client.model.Problem;
import it.io.factoryops.client.model.ProductRequest;
import it.io.factoryops.client.model.ProductResponse;
import it.io.factoryops.client.model.RefreshRequest;
import it.io.factoryops.support.Api;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An integrator's first day: the client that openapi-generator made from the served document
 * (docs/openapi.json, proven equal to it by OpenApiDocumentIT) works without a single edit.
 */
class GeneratedClientIT {

    private final AtomicReference<String> token = new AtomicReference<>();
    private final ApiClient client = new ApiClient().setRequestInterceptor(request -> {
        if (token.get() != null) {
            request.header("Authorization", "Bearer " + token.get());
        }
    });

    GeneratedClientIT() {
        client.updateBaseUri(Api.BASE);
    }

    @Test
    void anIntegratorLogsInSellsPagesCancelsReadsAProblemRefreshesAndLogsOut() throws Exception {
        AuthenticationApi auth = new AuthenticationApi(client);
        LoginResponse login = auth.login(new LoginRequest().username(Api.ADMIN).password(Api.ADMIN_PASSWORD));
        assertEquals("Bearer", login.getTokenType());
        token.set(login.getAccessToken());

        CustomerResponse customer = new CustomersApi(client)
                .createCustomer(new CustomerRequest()
                        .name("Generated Client Ltd")
                        .email(Api.uniqueEmail("generated"))
                        .phone("+44 20 7946 0000"));
        ProductResponse product = new ProductsApi(client)
                .createProduct(new ProductRequest()
                        .sku("GEN-" + Api.RUN + "-"
                                + UUID.randomUUID().toString().substring(0, 8))
                        .name("Generated widget")
                        .price(new BigDecimal("12.50"))
                        .stockQuantity(5)
                        .reorderLevel(1));
        assertEquals(5, product.getStockQuantity());

        OrdersApi orders = new OrdersApi(client);
        Set<Long> placed = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            OrderResponse order = orders.placeOrder(
                    new OrderRequest()
                            .customerId(customer.getId())
                            .lines(List.of(new OrderLineRequest()
                                    .productId(product.getId())
                                    .quantity(1))),
                    UUID.randomUUID().toString());
            assertEquals(OrderResponse.StatusEnum.PLACED, order.getStatus());
            assertEquals(new BigDecimal("12.50"), order.getSubtotal().setScale(2));
            placed.add(order.getId());
        }

        Set<Long> seen = new HashSet<>();
        int page = 1;
        OrderPage current;
        do {
            current = orders.listOrders(null, customer.getId(), null, null, null, page++, 2, "id");
            current.getData().forEach(o -> seen.add(o.getId()));
        } while (Boolean.TRUE.equals(current.getPagination().getHasNext()));
        assertEquals(placed, seen);
        assertEquals(3L, current.getPagination().getTotal());

        Long first = placed.iterator().next();
        OrderResponse cancelled = orders.cancelOrder(first, UUID.randomUUID().toString());
        assertEquals(OrderResponse.StatusEnum.CANCELLED, cancelled.getStatus());
        assertTrue(cancelled.getAllowedTransitions().isEmpty());

        ApiException refused = assertThrows(
                ApiException.class,
                () -> orders.placeOrder(
                        new OrderRequest()
                                .customerId(customer.getId())
                                .lines(List.of(new OrderLineRequest()
                                        .productId(product.getId())
                                        .quantity(50))),
                        null));
        assertEquals(409, refused.getCode());
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(Problem.CodeEnum.INSUFFICIENT_STOCK, problem.getCode());
        assertEquals(product.getId(), problem.getProductId());
        assertEquals(50, problem.getRequested());
        assertEquals(3, problem.getAvailable());
        assertNotNull(problem.getRequestId());

        LoginResponse refreshed = auth.refreshToken(new RefreshRequest().refreshToken(login.getRefreshToken()));
        assertNotEquals(login.getRefreshToken(), refreshed.getRefreshToken());
        token.set(refreshed.getAccessToken());
        // the caller's own account answers If-None-Match like any one object (null: no ETag held)
        assertEquals(Api.ADMIN, auth.getCurrentUser(null).getUsername());

        auth.logout(new RefreshRequest().refreshToken(refreshed.getRefreshToken()));
        ApiException afterLogout = assertThrows(ApiException.class, () -> auth.getCurrentUser(null));
        assertEquals(401, afterLogout.getCode());
        assertFalse(refreshed.getAccessToken().isBlank());
    }
}
