package io.factoryops.workforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import it.io.factoryops.support.TestDeployment;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container (Arquillian, managed Liberty): the employee service itself, with its real
 * transactions, database and audit, without HTTP in between.
 */
@ExtendWith(ArquillianExtension.class)
class EmployeeServiceIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-arquillian.war").addClass(EmployeeServiceIT.class);
    }

    @Inject
    EmployeeService employees;

    @Test
    void createsFindsAndRejectsADuplicateEmail() {
        String email = "arquillian-" + System.nanoTime() + "@it.example";
        EmployeeResponse created = employees.create(
                new EmployeeRequest("In Container", email, "Tester", "Arquillian", LocalDate.of(2024, 5, 1), null));
        assertEquals(1, created.version());
        assertEquals(email, employees.get(created.id()).email());

        var query = new MultivaluedHashMap<String, String>();
        query.add("q", email);
        Page<EmployeeResponse> page = employees.list(
                PageRequest.from(query, 20, EmployeeService.SORTABLE, "id"),
                new EmployeeService.Filter("arquillian", true));
        assertEquals(1, page.pagination().total());

        ApiException duplicate = assertThrows(
                ApiException.class,
                () -> employees.create(new EmployeeRequest("Twin", email.toUpperCase(), null, null, null, true)));
        assertEquals(ErrorCode.ALREADY_EXISTS, duplicate.code());

        employees.delete(created.id(), created.version());
        ApiException gone = assertThrows(ApiException.class, () -> employees.get(created.id()));
        assertEquals(ErrorCode.NOT_FOUND, gone.code());
    }
}
