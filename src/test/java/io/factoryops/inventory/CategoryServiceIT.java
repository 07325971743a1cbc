package io.factoryops.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import it.io.factoryops.support.TestDeployment;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container (Arquillian, managed Liberty): what the parts list uses to filter by a category with its
 * descendants ({@link CategoryService#subtreeIds}, {@link CategoryService#subtree}), and the tree rules as
 * domain exceptions, without HTTP in between.
 */
@ExtendWith(ArquillianExtension.class)
class CategoryServiceIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-arquillian.war").addClass(CategoryServiceIT.class);
    }

    @Inject
    CategoryService categories;

    @Test
    void subtreesFollowMovesAndCyclesAreDomainErrors() {
        String run = Long.toString(System.nanoTime(), 36);
        CategoryResponse a = categories.create(new CategoryRequest("Subtree A " + run, null));
        CategoryResponse b = categories.create(new CategoryRequest("B", a.id()));
        CategoryResponse c = categories.create(new CategoryRequest("C", b.id()));
        CategoryResponse other = categories.create(new CategoryRequest("Subtree other " + run, null));
        assertEquals(1, a.version());

        assertEquals(List.of(a.id(), b.id(), c.id()), categories.subtreeIds(a.id()));
        assertEquals(List.of(b.id(), c.id()), categories.subtreeIds(b.id()));
        assertEquals(List.of(other.id()), categories.subtreeIds(other.id()));
        Subtree subtree = categories.subtree(b.id());
        assertEquals(b.id(), subtree.rootId());
        assertEquals("/" + a.id() + "/" + b.id() + "/", subtree.idPathPrefix());

        categories.replace(b.id(), null, new CategoryRequest("B", other.id()));
        assertEquals(List.of(a.id()), categories.subtreeIds(a.id()));
        assertEquals(List.of(b.id(), c.id(), other.id()), categories.subtreeIds(other.id()), "in id order");
        assertEquals(
                "/" + other.id() + "/" + b.id() + "/",
                categories.subtree(b.id()).idPathPrefix());

        TreeCycleException cycle = assertThrows(
                TreeCycleException.class,
                () -> categories.replace(other.id(), null, new CategoryRequest(other.name(), c.id())));
        assertEquals(ErrorCode.TREE_CYCLE, cycle.code());
        assertTrue(cycle.getMessage().contains("own ancestor"), cycle.getMessage());

        ApiException unknown = assertThrows(ApiException.class, () -> categories.subtreeIds(Long.MAX_VALUE));
        assertEquals(ErrorCode.NOT_FOUND, unknown.code());
    }
}
