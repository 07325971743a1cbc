package io.factoryops.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one shape of an audited change: changed, flushed, viewed, audited, in that order. */
class AuditedChangesTest {

    /** A document whose view is its status and a counter of changes. */
    static final class Document extends VersionedEntity {
        String status = "open";
        int changes;
    }

    record View(String status, int changes) {}

    private final List<String> steps = new ArrayList<>();
    private final List<Object[]> audited = new ArrayList<>();

    private final EntityManager em = (EntityManager) Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                steps.add(method.getName());
                return null;
            });

    private final AuditService audit = new AuditService() {
        @Override
        public void record(AuditAction action, String entityType, Object entityId, Object before, Object after) {
            steps.add("audit");
            audited.add(new Object[] {action, entityType, before, after});
        }
    };

    private final AuditedChanges<Document, View> changes =
            new AuditedChanges<>(em, audit, "document", d -> d.status, d -> {
                steps.add("view");
                return new View(d.status, d.changes);
            });

    @Test
    void aTransitionAuditsTheStatusBeforeAndAfter() {
        Document document = new Document();
        View after = changes.transition(document, AuditAction.START, d -> {
            steps.add("change");
            d.status = "in_progress";
            d.changes++;
        });
        assertEquals(new View("in_progress", 1), after);
        assertEquals(List.of("change", "flush", "view", "audit"), steps);
        Object[] row = audited.get(0);
        assertEquals(AuditAction.START, row[0]);
        assertEquals("document", row[1]);
        assertEquals(Map.of("status", "open"), row[2]);
        assertEquals(Map.of("status", "in_progress"), row[3]);
    }

    @Test
    void aRevisionAuditsWhatItKeepsOfTheViewBeforeAndAfter() {
        Document document = new Document();
        View after = changes.revise(document, AuditAction.UPDATE, View::changes, d -> {
            steps.add("change");
            d.changes = 5;
        });
        assertEquals(new View("open", 5), after);
        assertEquals(List.of("view", "change", "flush", "view", "audit"), steps);
        assertEquals(0, audited.get(0)[2]);
        assertEquals(5, audited.get(0)[3]);
    }

    @Test
    void aRecordedChangeIsFlushedViewedAndAuditedAsGiven() {
        Document document = new Document();
        View created = changes.recorded(document, AuditAction.CREATE, null, Function.identity());
        assertEquals(List.of("flush", "view", "audit"), steps);
        assertNull(audited.get(0)[2]);
        assertEquals(created, audited.get(0)[3]);
    }
}
